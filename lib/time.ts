import { format, parseISO } from 'date-fns';
import { enGB, zhCN, zhTW } from 'date-fns/locale';
import { isChinese } from '@/lib/i18n/locales';

// Every function takes the tour's zone explicitly, so the server and a browser in any zone
// render the same text (and React hydrates without a mismatch).

export type DateKey = string; // 'yyyy-MM-dd' in the tour's zone

const localeOf = (locale: string) => (locale === 'zh-Hant' ? zhTW : locale === 'zh' ? zhCN : enGB);

/** The instant at a wall-clock time on a date in a zone. */
export function zonedInstant(date: DateKey, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  if (!y || !m || !d || hh === undefined || mm === undefined || Number.isNaN(hh + mm)) {
    throw new RangeError(`Invalid date or time: ${date} ${time}`);
  }
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  if (Number.isNaN(wall)) throw new RangeError(`Invalid date or time: ${date} ${time}`);
  // The zone's offsets half a day before and after (a zone changes its offset at most once in a
  // day). Near a change, a wall time that happens twice (in autumn) is the earlier instant, and
  // one that never happens (the hour skipped in spring) moves on by the gap: Temporal's
  // "compatible" reading, which JavaScript's Date follows too.
  const before = offsetAt(wall - 43_200_000, timeZone);
  const after = offsetAt(wall + 43_200_000, timeZone);
  if (before === after) return new Date(wall - before);
  const fits = (offset: number) => offsetAt(wall - offset, timeZone) === offset;
  const instants = [before, after].filter(fits).map((offset) => wall - offset);
  return new Date(instants.length > 0 ? Math.min(...instants) : wall - before);
}

// The wall clock of a zone. An itinerary or a board asks for hundreds of dates and times a page:
// Intl's formatToParts (six times cheaper than a TZDate with date-fns' format) is asked once per
// zone and quarter of an hour for the zone's offset, and the clock is read off the shifted
// instant. Zones change their offset on a quarter hour (the last that did not, local mean times,
// ended before 1950).
const quarterHour = 15 * 60_000;
const clocks = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function offsetAt(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / quarterHour);
  let known = offsets.get(timeZone);
  if (!known) {
    known = new Map();
    offsets.set(timeZone, known);
  }
  let offset = known.get(quarter);
  if (offset === undefined) {
    let clock = clocks.get(timeZone);
    if (!clock) {
      clock = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      clocks.set(timeZone, clock);
    }
    const at = quarter * quarterHour;
    const p: Record<string, number> = {};
    for (const part of clock.formatToParts(at)) p[part.type] = Number(part.value);
    offset = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute) - at;
    if (known.size > 100_000) known.clear();
    known.set(quarter, offset);
  }
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

function wallClock(instant: Date, timeZone: string) {
  const ms = instant.getTime();
  const local = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: String(local.getUTCFullYear()),
    month: two(local.getUTCMonth() + 1),
    day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
  };
}

/** The tour-local calendar date of an instant. */
export function dateKeyOf(instant: Date, timeZone: string): DateKey {
  const p = wallClock(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'HH:mm' on the tour's wall clock. */
export function formatTime(instant: Date, timeZone: string): string {
  const p = wallClock(instant, timeZone);
  return `${p.hour}:${p.minute}`;
}

const dayMs = 86_400_000;
const utcOfKey = (date: DateKey) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? Number.NaN, (m ?? Number.NaN) - 1, d);
};
const keyOfUtc = (ms: number): DateKey => new Date(ms).toISOString().slice(0, 10);

/** Every calendar date from start to end inclusive. */
export function datesBetween(start: DateKey, end: DateKey): DateKey[] {
  const first = utcOfKey(start);
  const count = Math.round((utcOfKey(end) - first) / dayMs) + 1;
  if (!(count > 0)) return [];
  return Array.from({ length: count }, (_, i) => keyOfUtc(first + i * dayMs));
}

// Labels of dates, asked for again and again (every line of a list, every render of a board):
// date-fns' format is kept for its localized names, and each label is made once.
const labels = new Map<string, string>();

function label(date: DateKey, locale: string, zh: string, en: string): string {
  const pattern = isChinese(locale) ? zh : en;
  const key = `${date}|${locale}|${pattern}`;
  let text = labels.get(key);
  if (text === undefined) {
    text = format(parseISO(date), pattern, { locale: localeOf(locale) });
    if (labels.size > 10_000) labels.clear();
    labels.set(key, text);
  }
  return text;
}

/** A date key as a long label, e.g. "Friday 18 July" or "7月18日 星期五". */
export function formatDayLabel(date: DateKey, locale: string): string {
  return label(date, locale, 'M月d日 EEEE', 'EEEE d MMMM');
}

/** A date key as a short label, e.g. "18 Jul 2025" or "2025年7月18日". */
export function formatDate(date: DateKey, locale: string): string {
  return label(date, locale, 'yyyy年M月d日', 'd MMM yyyy');
}

/** An instant as date and time on the tour's clock, e.g. "18 Jul 2025 09:30" or "2025年7月18日 09:30". */
export function formatDateTime(instant: Date, timeZone: string, locale: string): string {
  return `${formatDate(dateKeyOf(instant, timeZone), locale)} ${formatTime(instant, timeZone)}`;
}

/** The calendar day after a date key. */
export function nextDateKey(date: DateKey): DateKey {
  return keyOfUtc(utcOfKey(date) + dayMs);
}
