import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { tours, visits } from '@/db/schema';
import { scriptDictionary } from '@/lib/i18n/script';
import {
  dayProblems,
  type PlanContextJson,
  planContextFromJson,
  visitsAroundDay,
} from '@/lib/schedule/board-plan';
import type { Problem } from '@/lib/schedule/problems';
import { dateKeyOf, datesBetween, nextDateKey, zonedInstant } from '@/lib/time';
import { fromJson } from './json-column';
import { loadPlanContext, visitGroupIds, visitsInWindow } from './schedule-context';
import type { TourScope } from './scope';
import { cachedTourRead } from './tour-cache';

// The schedule board's data: one day of one page of groups, with every field a coordinator edits,
// and what the browser needs to check a change before saving it (the same pure checks the server
// runs: lib/schedule/problems.ts). A tour of 300 groups and 30,000 visits sends one day of
// twenty groups.

export const boardGroupsPerPage = 20;

export async function queryBoard(
  db: Db,
  scope: TourScope,
  options: { day?: string | undefined; groupPage?: number | undefined },
) {
  // The tour, one page of its groups (the asked page, or the last one when it asks past the end)
  // and the form's menus in one round trip; then the day's visits beside the checks' context.
  const page = Math.min(Math.max(1, Math.trunc(options.groupPage ?? 1)), 1_000_000);
  const pageOfGroups = sql`least(${page}, greatest(1, ceil((select count(*) from groups where tour_id = ${scope.tourId}) / ${boardGroupsPerPage}::numeric)::int))`;
  const [tour] = await db
    .select({
      id: tours.id,
      startDate: tours.startDate,
      endDate: tours.endDate,
      timeZone: tours.timeZone,
      groupTotal: sql<number>`(select count(*)::int from groups where tour_id = ${scope.tourId})`,
      groupPage: sql<number>`${pageOfGroups}`,
      groups: sql<unknown>`(select coalesce(json_agg(json_build_object('id', g.id, 'code', g.code, 'nameZh', g.name_zh, 'nameEn', g.name_en) order by g.code), '[]') from (select id, code, name_zh, name_en from groups where tour_id = ${scope.tourId} order by code limit ${boardGroupsPerPage} offset (${pageOfGroups} - 1) * ${boardGroupsPerPage}) g)`,
      sites: sql<unknown>`(select coalesce(json_agg(json_build_object('id', s.id, 'nameZh', s.name_zh, 'nameEn', s.name_en, 'cityId', s.city_id, 'capacity', s.capacity) order by s.name_en), '[]') from (select id, name_zh, name_en, city_id, capacity from sites where archived_at is null order by name_en limit 500) s)`,
      cities: sql<unknown>`(select coalesce(json_agg(json_build_object('id', c.id, 'nameZh', c.name_zh, 'nameEn', c.name_en) order by c.name_en), '[]') from (select id, name_zh, name_en from cities order by name_en limit 500) c)`,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  if (!tour) return null;
  const total = tour.groupTotal;
  const dates = datesBetween(tour.startDate, tour.endDate);
  const today = dateKeyOf(new Date(), tour.timeZone);
  const day =
    options.day && dates.includes(options.day)
      ? options.day
      : dates.includes(today)
        ? today
        : (dates[0] ?? tour.startDate);
  const pages = Math.max(1, Math.ceil(total / boardGroupsPerPage));
  const groupRows = fromJson<{ id: string; code: string; nameZh: string; nameEn: string }[]>(
    tour.groups,
    [],
  );
  const groupIds = groupRows.map((g) => g.id);

  // The day and its neighbours: a transfer or a short night at the edge of the day is seen.
  const dayStart = zonedInstant(day, '00:00', tour.timeZone);
  const dayEnd = zonedInstant(nextDateKey(day), '00:00', tour.timeZone);
  const from = zonedInstant(
    dateKeyOf(new Date(dayStart.getTime() - 1), tour.timeZone),
    '00:00',
    tour.timeZone,
  );
  const to = zonedInstant(nextDateKey(nextDateKey(day)), '00:00', tour.timeZone);
  const [visitRows, context] = await Promise.all([
    groupIds.length
      ? db
          .select({
            id: visits.id,
            version: visits.version,
            kind: visits.kind,
            titleZh: visits.titleZh,
            titleEn: visits.titleEn,
            siteId: visits.siteId,
            cityId: visits.cityId,
            fromCityId: visits.fromCityId,
            startsAt: visits.startsAt,
            endsAt: visits.endsAt,
            notesZh: visits.notesZh,
            notesEn: visits.notesEn,
            transportMode: visits.transportMode,
            vehicle: visits.vehicle,
            hostContactName: visits.hostContactName,
            hostContactPhone: visits.hostContactPhone,
            escortName: visits.escortName,
            escortPhone: visits.escortPhone,
            cancelled: visits.cancelled,
            groupIds: visitGroupIds,
          })
          .from(visits)
          .where(visitsInWindow(db, scope, { from, to, groupIds }))
          .orderBy(asc(visits.startsAt))
      : [],
    loadPlanContext(db, scope),
  ]);
  const shown = visitsAroundDay(
    visitRows.map((v) => ({
      ...v,
      startsAt: v.startsAt.toISOString(),
      endsAt: v.endsAt.toISOString(),
    })),
    dayStart,
    dayEnd,
  );

  return {
    tour: {
      id: tour.id,
      startDate: tour.startDate,
      endDate: tour.endDate,
      timeZone: tour.timeZone,
      dates,
    },
    day,
    groups: groupRows,
    groupPage: Number(tour.groupPage),
    groupPages: pages,
    groupTotal: total,
    visits: shown,
    sites: fromJson<
      { id: string; nameZh: string; nameEn: string; cityId: string; capacity: number | null }[]
    >(tour.sites, []),
    cities: fromJson<{ id: string; nameZh: string; nameEn: string }[]>(tour.cities, []),
    // The checks' reference data, as plain JSON for the browser.
    context: {
      settings: context.settings,
      travel: [...context.travel],
      sites: [...context.sites],
      groupSizes: [...context.groupSizes].filter(([g]) => groupIds.includes(g)),
      stays: [...context.stays]
        .filter(([g]) => groupIds.includes(g))
        .map(([g, list]): PlanContextJson['stays'][number] => [
          g,
          list.map((s) => ({
            delegateId: s.delegateId,
            arrivesAt: s.arrivesAt?.toISOString() ?? null,
            departsAt: s.departsAt?.toISOString() ?? null,
          })),
        ]),
    } satisfies PlanContextJson,
  };
}

/**
 * The board's stored Chinese mapped to the reader's script where the two differ: the board shows
 * names through it, its form edits what is stored (lib/i18n/script.ts).
 */
type InReaderScript = { shownZh?: Record<string, string> };

export type BoardData = NonNullable<Awaited<ReturnType<typeof queryBoard>>> & InReaderScript;
export type BoardVisit = BoardData['visits'][number];

/**
 * What the board's page sends: the day as it is shown, with its problems worked out here. The
 * checks' reference data and the form's menus (every site and city) are not shown until the
 * coordinator edits; the board reads them from its route once the page is up.
 */
export type BoardFirstPaint = Omit<BoardData, 'context' | 'visits'> & {
  context: null;
  visits: ShownVisit[];
  problems: Problem[];
};

/** Of a visit, what its block on the board shows and what a move or a resize changes. */
export type ShownVisit = Pick<
  BoardVisit,
  | 'id'
  | 'version'
  | 'titleZh'
  | 'titleEn'
  | 'siteId'
  | 'cityId'
  | 'startsAt'
  | 'endsAt'
  | 'cancelled'
  | 'groupIds'
>;

/** The board's data in the browser: as first painted, or in full from the board route. */
export type BoardState = BoardData | BoardFirstPaint;

export function firstPaintOf(board: BoardData): BoardFirstPaint {
  const siteIds = new Set(board.visits.map((v) => v.siteId));
  const cityIds = new Set(board.visits.map((v) => v.cityId));
  return {
    ...board,
    // Only the names the view by site or by city shows.
    sites: board.sites.filter((s) => siteIds.has(s.id)),
    cities: board.cities.filter((c) => cityIds.has(c.id)),
    context: null,
    problems: dayProblems(board.visits, planContextFromJson(board.context), board.day),
    // What the form edits besides (notes, transport, contacts) is read with the rest.
    visits: board.visits.map(
      (v): ShownVisit => ({
        id: v.id,
        version: v.version,
        titleZh: v.titleZh,
        titleEn: v.titleEn,
        siteId: v.siteId,
        cityId: v.cityId,
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        cancelled: v.cancelled,
        groupIds: v.groupIds,
      }),
    ),
  };
}

/** The board as this reader sees it: its data, and the dictionary of its names in their script. */
export function forReader<T extends BoardState>(board: T, locale: string): T {
  return { ...board, shownZh: scriptDictionary(locale, board) };
}

type BoardOptions = { day?: string | undefined; groupPage?: number | undefined };

// Without a day the board opens on today in the tour's zone: the half hour in the key lets a
// kept board follow the date (zones turn their day on the hour or the half hour).
const dayKey = (options: BoardOptions) =>
  options.day ?? `now:${Math.floor(Date.now() / 1_800_000)}`;

export function getBoard(scope: TourScope, options: BoardOptions) {
  return cachedTourRead(scope, ['board', dayKey(options), options.groupPage ?? null], async () =>
    queryBoard(await getDb(), scope, options),
  );
}

export function getBoardFirstPaint(scope: TourScope, options: BoardOptions) {
  return cachedTourRead(
    scope,
    ['boardFirstPaint', dayKey(options), options.groupPage ?? null],
    async () => {
      const board = await getBoard(scope, options);
      return board ? firstPaintOf(board) : null;
    },
  );
}
