import { describe, expect, it } from 'vitest';
import {
  dateKeyOf,
  datesBetween,
  formatDayLabel,
  formatTime,
  nextDateKey,
  zonedInstant,
} from '../../lib/time';

const tz = 'Asia/Shanghai';

describe('tour time', () => {
  it('stores 09:00 in Chongqing as 01:00 UTC', () => {
    expect(zonedInstant('2025-07-18', '09:00', tz).toISOString()).toBe('2025-07-18T01:00:00.000Z');
  });

  it('shows an instant on the tour clock, not the machine clock', () => {
    const instant = new Date('2025-07-18T16:30:00Z'); // 00:30 next day in Shanghai
    expect(formatTime(instant, tz)).toBe('00:30');
    expect(dateKeyOf(instant, tz)).toBe('2025-07-19');
  });

  it('lists every day of a two-week tour', () => {
    const days = datesBetween('2025-07-18', '2025-07-31');
    expect(days).toHaveLength(14);
    expect(days[0]).toBe('2025-07-18');
    expect(days[13]).toBe('2025-07-31');
  });

  it('labels days in both languages', () => {
    expect(formatDayLabel('2025-07-18', 'en')).toBe('Friday 18 July');
    expect(formatDayLabel('2025-07-18', 'zh')).toBe('7月18日 星期五');
  });

  it('rejects a malformed time', () => {
    expect(() => zonedInstant('2025-07-18', 'nine', tz)).toThrow(RangeError);
  });
});

describe('the wall clock of a zone', () => {
  it('reads dates and times as date-fns with TZDate does, across midnight and daylight saving', async () => {
    const { TZDate } = await import('@date-fns/tz');
    const { format } = await import('date-fns');
    const zones = ['Asia/Shanghai', 'Europe/Paris', 'America/New_York', 'UTC'];
    // Every 37 minutes through a week of each daylight-saving change of 2025.
    const starts = [Date.UTC(2025, 2, 28), Date.UTC(2025, 9, 24), Date.UTC(2025, 2, 7)];
    for (const zone of zones) {
      for (const start of starts) {
        for (let t = start; t < start + 7 * 86_400_000; t += 37 * 60_000) {
          const d = new Date(t);
          const tz = new TZDate(t, zone);
          expect(dateKeyOf(d, zone)).toBe(format(tz, 'yyyy-MM-dd'));
          expect(formatTime(d, zone)).toBe(format(tz, 'HH:mm'));
        }
      }
    }
  });
});

describe('the wall clock read from a cached offset', () => {
  // Checked against Intl itself every 13 minutes of two years (every change of offset in them),
  // in zones with summer time, half-hour and quarter-hour offsets, and a half-hour summer shift.
  const zones = [
    'Asia/Shanghai',
    'America/Los_Angeles',
    'Europe/London',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
  ];
  it.each(zones)('%s', (zone) => {
    const intl = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const reference = (instant: Date) => {
      const p = Object.fromEntries(intl.formatToParts(instant).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    const mismatches: string[] = [];
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 13 * 60_000) {
      const at = new Date(ms);
      const ours = `${dateKeyOf(at, zone)} ${formatTime(at, zone)}`;
      if (ours !== reference(at)) mismatches.push(`${at.toISOString()}: ${ours}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe('a wall time in a zone as an instant', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Paris', 'Australia/Lord_Howe'];
  const days = ['2025-03-09', '2025-03-30', '2025-04-06', '2025-10-05', '2025-10-26', '2025-11-02'];
  const shown = (at: Date, zone: string) => `${dateKeyOf(at, zone)} ${formatTime(at, zone)}`;
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

  it('reads back as the same wall time, the earlier of two when the clock goes back', () => {
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const day of days) {
        for (const date of [day, nextDateKey(day)]) {
          for (let minutes = 0; minutes < 24 * 60; minutes += 10) {
            const wall = `${date} ${hhmm(minutes)}`;
            const at = zonedInstant(date, hhmm(minutes), zone);
            if (shown(at, zone) === wall) {
              // No earlier instant (offsets are whole quarter hours) shows the same wall time.
              for (let back = 1; back <= 8; back++) {
                if (shown(new Date(at.getTime() - back * 15 * 60_000), zone) === wall) {
                  wrong.push(`${zone} ${wall}: a later one of two`);
                }
              }
            } else {
              // Only a skipped wall time may read back differently: no instant shows it, and
              // the answer lies after it.
              const near = Array.from(
                { length: 113 },
                (_, k) => at.getTime() + (k - 56) * 15 * 60_000,
              );
              if (near.some((t) => shown(new Date(t), zone) === wall) || shown(at, zone) <= wall) {
                wrong.push(`${zone} ${wall}: ${shown(at, zone)}`);
              }
            }
          }
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('moves a skipped wall time on by the gap, as TZDate does', async () => {
    const { TZDate } = await import('@date-fns/tz');
    const skipped: [string, string, string][] = [
      ['Europe/Paris', '2025-03-30', '02:30'],
      ['America/New_York', '2025-03-09', '02:30'],
      ['Australia/Lord_Howe', '2025-10-05', '02:15'],
    ];
    for (const [zone, date, time] of skipped) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [hh, mm] = time.split(':').map(Number) as [number, number];
      expect(zonedInstant(date, time, zone).getTime(), `${zone} ${date} ${time}`).toBe(
        new TZDate(y, m - 1, d, hh, mm, zone).getTime(),
      );
    }
  });

  it('is the instant TZDate gives away from any change of offset', async () => {
    const { TZDate } = await import('@date-fns/tz');
    for (const zone of zones) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 10) {
        const expected = new TZDate(2025, 6, 18, Math.floor(minutes / 60), minutes % 60, zone);
        expect(zonedInstant('2025-07-18', hhmm(minutes), zone).getTime()).toBe(expected.getTime());
      }
    }
  });

  it('steps over the end of months and years', () => {
    expect(nextDateKey('2024-02-28')).toBe('2024-02-29');
    expect(nextDateKey('2025-02-28')).toBe('2025-03-01');
    expect(nextDateKey('2025-12-31')).toBe('2026-01-01');
    expect(datesBetween('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(datesBetween('2025-07-18', '2025-07-17')).toEqual([]);
  });
});
