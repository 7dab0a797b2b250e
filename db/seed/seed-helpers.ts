import { addDays, format, parseISO } from 'date-fns';
import { zonedInstant } from '../../lib/time';

/** Day 1 is the tour's start date; the time is on the tour's wall clock. */
export function localInstant(
  tour: { startDate: string; timeZone: string },
  day: number,
  time: string,
): Date {
  const date = format(addDays(parseISO(tour.startDate), day - 1), 'yyyy-MM-dd');
  return zonedInstant(date, time, tour.timeZone);
}

/** Travel times are stored once per unordered pair. */
export function sortedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
