import { differenceInMinutes } from 'date-fns';
import { type DateKey, dateKeyOf, nextDateKey, zonedInstant } from '@/lib/time';

// What a schedule change breaks that the database does not refuse outright: warnings a
// coordinator sees before saving and on the board until resolved. Pure functions of the plan and
// the tour's reference data, so the board, the save path and the tests compute the same thing.

export interface PlanVisit {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  siteId: string | null;
  cityId: string | null;
  /** Where a transfer leaves from; the group is in this city when the visit starts. */
  fromCityId: string | null;
  groupIds: string[];
  cancelled: boolean;
}

export interface PlanSite {
  capacity: number | null;
  /** 'HH:mm' on the tour's clock, null when open around the clock. */
  opensAt: string | null;
  closesAt: string | null;
  /** ISO weekdays (1 = Monday). */
  closedWeekdays: number[];
  closedDates: DateKey[];
}

export interface PlanSettings {
  timeZone: string;
  transferBufferMinutes: number;
  maxDayMinutes: number;
  minRestMinutes: number;
  lunchStart: string;
  lunchEnd: string;
  dinnerStart: string;
  dinnerEnd: string;
}

export interface PlanContext {
  settings: PlanSettings;
  /** Door-to-door minutes by unordered city pair: travelKey(a, b). */
  travel: Map<string, number>;
  sites: Map<string, PlanSite>;
  /** People in each group. */
  groupSizes: Map<string, number>;
  /** Each group's members with their own arrival and departure (null when not known). */
  stays: Map<string, { delegateId: string; arrivesAt: Date | null; departsAt: Date | null }[]>;
}

export type ProblemKind =
  | 'transfer'
  | 'capacity'
  | 'siteOverbooked'
  | 'dayTooLong'
  | 'shortRest'
  | 'noLunch'
  | 'noDinner'
  | 'siteClosed'
  | 'outsideStay';

export interface Problem {
  kind: ProblemKind;
  /** The tour day it belongs to (the later visit's, for a pair). */
  day: DateKey;
  /** The visits involved, the one to fix first. */
  visitIds: string[];
  groupId?: string;
  /** Numbers and times for the message (minutes, people, HH:mm). */
  params: Record<string, string | number>;
}

export function travelKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const active = (v: PlanVisit) => !v.cancelled;

function byGroup(visits: PlanVisit[]): Map<string, PlanVisit[]> {
  const map = new Map<string, PlanVisit[]>();
  for (const v of visits.filter(active)) {
    for (const g of v.groupIds) map.set(g, [...(map.get(g) ?? []), v]);
  }
  for (const list of map.values()) list.sort((a, b) => +a.startsAt - +b.startsAt);
  return map;
}

/** Every problem of a plan (a tour, or the days a change touches), in a stable order. */
export function findProblems(visits: PlanVisit[], ctx: PlanContext): Problem[] {
  const { settings } = ctx;
  const tz = settings.timeZone;
  const problems: Problem[] = [];
  const groups = byGroup(visits);
  const people = (v: PlanVisit) => v.groupIds.reduce((n, g) => n + (ctx.groupSizes.get(g) ?? 0), 0);

  for (const [groupId, list] of groups) {
    // Transfers between consecutive visits in different cities.
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1] as PlanVisit;
      const after = list[i] as PlanVisit;
      const from = before.cityId;
      const to = after.fromCityId ?? after.cityId;
      if (!from || !to || from === to) continue;
      const minutes = ctx.travel.get(travelKey(from, to));
      if (minutes === undefined) continue;
      const needed = minutes + settings.transferBufferMinutes;
      const gap = differenceInMinutes(after.startsAt, before.endsAt);
      if (gap < needed) {
        problems.push({
          kind: 'transfer',
          day: dateKeyOf(after.startsAt, tz),
          visitIds: [after.id, before.id],
          groupId,
          params: { needed, gap, travel: minutes },
        });
      }
    }

    // Long days, short nights and missing meals, day by day on the tour's clock.
    const days = new Map<DateKey, PlanVisit[]>();
    for (const v of list) {
      const key = dateKeyOf(v.startsAt, tz);
      days.set(key, [...(days.get(key) ?? []), v]);
    }
    for (const [day, dayVisits] of days) {
      const first = dayVisits[0] as PlanVisit;
      const end = new Date(Math.max(...dayVisits.map((v) => +v.endsAt)));
      const length = differenceInMinutes(end, first.startsAt);
      if (length > settings.maxDayMinutes) {
        // On the visit that ends the day: that is where a coordinator trims it.
        const last = dayVisits.reduce((a, b) => (b.endsAt > a.endsAt ? b : a));
        problems.push({
          kind: 'dayTooLong',
          day,
          visitIds: [last.id],
          groupId,
          params: { minutes: length, limit: settings.maxDayMinutes },
        });
      }
      const next = days.get(nextDateKey(day));
      if (next?.[0]) {
        const rest = differenceInMinutes(next[0].startsAt, end);
        if (rest < settings.minRestMinutes) {
          problems.push({
            kind: 'shortRest',
            day: nextDateKey(day),
            visitIds: [next[0].id, (dayVisits[dayVisits.length - 1] as PlanVisit).id],
            groupId,
            params: { minutes: Math.max(rest, 0), limit: settings.minRestMinutes },
          });
        }
      }
      for (const [kind, startAt, endAt] of [
        ['noLunch', settings.lunchStart, settings.lunchEnd],
        ['noDinner', settings.dinnerStart, settings.dinnerEnd],
      ] as const) {
        const windowStart = zonedInstant(day, startAt, tz);
        const windowEnd = zonedInstant(day, endAt, tz);
        // Only a day that runs through the whole window needs a meal in it.
        if (first.startsAt > windowStart || end < windowEnd) continue;
        const fed = dayVisits.some(
          (v) => v.kind === 'meal' && v.startsAt < windowEnd && v.endsAt > windowStart,
        );
        if (!fed) {
          // On the visit that runs through the window (or the day's first), where a meal fits.
          const during =
            dayVisits.find((v) => v.startsAt < windowEnd && v.endsAt > windowStart) ?? first;
          problems.push({
            kind,
            day,
            visitIds: [during.id],
            groupId,
            params: { from: startAt, to: endAt },
          });
        }
      }
    }

    // Members who have not arrived yet or have already left.
    for (const v of list) {
      const away = (ctx.stays.get(groupId) ?? []).filter(
        (s) => (s.arrivesAt && s.arrivesAt > v.startsAt) || (s.departsAt && s.departsAt < v.endsAt),
      );
      if (away.length > 0) {
        problems.push({
          kind: 'outsideStay',
          day: dateKeyOf(v.startsAt, tz),
          visitIds: [v.id],
          groupId,
          params: { people: away.length },
        });
      }
    }
  }

  // Sites: capacity, bookings that overlap beyond it, opening hours and closures.
  const atSite = new Map<string, PlanVisit[]>();
  for (const v of visits.filter(active)) {
    if (v.siteId) atSite.set(v.siteId, [...(atSite.get(v.siteId) ?? []), v]);
  }
  for (const [siteId, list] of atSite) {
    const site = ctx.sites.get(siteId);
    if (!site) continue;
    list.sort((a, b) => +a.startsAt - +b.startsAt);
    for (const v of list) {
      const day = dateKeyOf(v.startsAt, tz);
      const count = people(v);
      if (site.capacity !== null && count > site.capacity) {
        problems.push({
          kind: 'capacity',
          day,
          visitIds: [v.id],
          params: { people: count, capacity: site.capacity },
        });
      }
      const closedDay =
        site.closedDates.includes(day) || site.closedWeekdays.includes(isoWeekday(day));
      const opens = site.opensAt ? zonedInstant(day, site.opensAt, tz) : null;
      const closes = site.closesAt ? zonedInstant(day, site.closesAt, tz) : null;
      if (closedDay || (opens && v.startsAt < opens) || (closes && v.endsAt > closes)) {
        problems.push({
          kind: 'siteClosed',
          day,
          visitIds: [v.id],
          params: {
            opens: site.opensAt ?? '',
            closes: site.closesAt ?? '',
            closedDay: closedDay ? 1 : 0,
          },
        });
      }
    }
    if (site.capacity === null) continue;
    for (let i = 0; i < list.length; i++) {
      const v = list[i] as PlanVisit;
      const overlapping = list.filter(
        (o, j) => j !== i && o.startsAt < v.endsAt && o.endsAt > v.startsAt,
      );
      const others = overlapping.filter((o) => o.id > v.id); // each pair once
      for (const o of others) {
        const total = people(v) + people(o);
        if (total > site.capacity && people(v) <= site.capacity && people(o) <= site.capacity) {
          problems.push({
            kind: 'siteOverbooked',
            day: dateKeyOf(v.startsAt, tz),
            visitIds: [v.id, o.id],
            params: { people: total, capacity: site.capacity },
          });
        }
      }
    }
  }

  return problems.sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.kind.localeCompare(b.kind) ||
      (a.visitIds[0] ?? '').localeCompare(b.visitIds[0] ?? ''),
  );
}

/** ISO weekday (1 = Monday) of a tour-local date. */
function isoWeekday(day: DateKey): number {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}
