import { groupByTourDay } from '@/lib/programme';
import { type DateKey, dateKeyOf, zonedInstant } from '@/lib/time';

// What a journalist's itinerary shows first, and how much of each day: the visit in progress and
// the next one, then today, tomorrow in full and the days after in brief; days gone by folded.
// Pure: the page and the tests pass "now".

export interface Timed {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
}

export interface PlannedDay<T> {
  date: DateKey;
  items: T[];
}

export interface ItineraryPlan<T> {
  /** Where the tour stands on the viewer's clock. */
  phase: 'before' | 'during' | 'after';
  /** Visits under way at `now` (cancelled ones never are). */
  current: T[];
  /** The first visit still to start, not cancelled. */
  next: T | null;
  today: PlannedDay<T> | null;
  /** Days after today (or every day before the tour): the first in full, the rest in brief. */
  upcoming: PlannedDay<T>[];
  /** Days before today, without the visits that were cancelled: they no longer matter. */
  past: PlannedDay<T>[];
}

interface TourDates {
  startDate: DateKey;
  endDate: DateKey;
  timeZone: string;
}

export function planItinerary<T extends Timed>(
  visits: T[],
  tour: TourDates,
  now: Date,
): ItineraryPlan<T> {
  const todayKey = dateKeyOf(now, tour.timeZone);
  const days = groupByTourDay(visits, tour);
  const live = visits.filter((v) => !v.cancelled);
  return {
    phase: todayKey < tour.startDate ? 'before' : todayKey > tour.endDate ? 'after' : 'during',
    current: live.filter((v) => v.startsAt <= now && now < v.endsAt),
    next: live.find((v) => v.startsAt > now) ?? null,
    today: days.find((d) => d.date === todayKey) ?? null,
    upcoming: days.filter((d) => d.date > todayKey),
    past: days
      .filter((d) => d.date < todayKey)
      .map((d) => ({ date: d.date, items: d.items.filter((v) => !v.cancelled) })),
  };
}

/**
 * The instant an itinerary is read at: now, or when the reader picked a day of the tour to look
 * ahead (or back) to, the start of that day on the tour's clock. Null for a day outside the tour.
 */
export function readingInstant(tour: TourDates, now: Date, day: DateKey | undefined): Date | null {
  if (!day || day === dateKeyOf(now, tour.timeZone)) return now;
  if (day < tour.startDate || day > tour.endDate) return null;
  return zonedInstant(day, '00:00', tour.timeZone);
}

/** The visits that can carry a change mark: all but those of days gone by. */
export function shownVisitIds<T extends Timed>(plan: ItineraryPlan<T>): string[] {
  return [...(plan.today?.items ?? []), ...plan.upcoming.flatMap((d) => d.items)].map((v) => v.id);
}
