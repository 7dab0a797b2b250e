import { type DateKey, dateKeyOf, datesBetween } from './time';

/**
 * Buckets time-ordered items into the tour's calendar days, keeping empty days so the programme
 * shows every day of the tour.
 */
export function groupByTourDay<T extends { startsAt: Date }>(
  items: T[],
  tour: { startDate: DateKey; endDate: DateKey; timeZone: string },
): { date: DateKey; items: T[] }[] {
  const days = new Map<DateKey, T[]>(
    datesBetween(tour.startDate, tour.endDate).map((d) => [d, []]),
  );
  for (const item of items) {
    const key = dateKeyOf(item.startsAt, tour.timeZone);
    const bucket = days.get(key);
    if (bucket) bucket.push(item);
    else days.set(key, [item]); // outside the tour's dates: still shown, never dropped
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, dayItems]) => ({ date, items: dayItems }));
}
