import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { enGB, zhCN } from 'date-fns/locale';

// Every function takes the tour's zone explicitly, so the server and a browser in any zone
// render the same text (and React hydrates without a mismatch).

export type DateKey = string; // 'yyyy-MM-dd' in the tour's zone

const localeOf = (locale: string) => (locale.startsWith('zh') ? zhCN : enGB);

/** The instant at a wall-clock time on a date in a zone. */
export function zonedInstant(date: DateKey, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  if (!y || !m || !d || hh === undefined || mm === undefined || Number.isNaN(hh + mm)) {
    throw new RangeError(`Invalid date or time: ${date} ${time}`);
  }
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

// The wall clock of a zone, read by one Intl formatter per zone: an itinerary or a board asks for
// hundreds of dates and times a page, and a TZDate with date-fns' format costs six times more.
const clocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): Record<string, string> {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    clocks.set(timeZone, clock);
  }
  const parts: Record<string, string> = {};
  for (const p of clock.formatToParts(instant)) parts[p.type] = p.value;
  return parts;
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

/** Every calendar date from start to end inclusive. */
export function datesBetween(start: DateKey, end: DateKey): DateKey[] {
  const first = parseISO(start);
  const count = differenceInCalendarDays(parseISO(end), first) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, i) =>
    format(addDays(first, i), 'yyyy-MM-dd'),
  );
}

/** A date key as a long label, e.g. "Friday 18 July" or "7月18日 星期五". */
export function formatDayLabel(date: DateKey, locale: string): string {
  const pattern = locale.startsWith('zh') ? 'M月d日 EEEE' : 'EEEE d MMMM';
  return format(parseISO(date), pattern, { locale: localeOf(locale) });
}

/** A date key as a short label, e.g. "18 Jul 2025" or "2025年7月18日". */
export function formatDate(date: DateKey, locale: string): string {
  const pattern = locale.startsWith('zh') ? 'yyyy年M月d日' : 'd MMM yyyy';
  return format(parseISO(date), pattern, { locale: localeOf(locale) });
}

/** An instant as date and time on the tour's clock, e.g. "18 Jul 2025 09:30" or "2025年7月18日 09:30". */
export function formatDateTime(instant: Date, timeZone: string, locale: string): string {
  return `${formatDate(dateKeyOf(instant, timeZone), locale)} ${formatTime(instant, timeZone)}`;
}

/** The calendar day after a date key. */
export function nextDateKey(date: DateKey): DateKey {
  return format(addDays(parseISO(date), 1), 'yyyy-MM-dd');
}
