import 'server-only';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { countries, outlets, regions, tours } from '@/db/schema';
import { pick } from '@/lib/i18n/pick';
import { compareNames, likePattern, searchWords } from '@/lib/search';
import { fromJson } from './json-column';
import type { TourScope } from './scope';
import { cachedTourRead } from './tour-cache';

export interface OutletFilters {
  region?: string | undefined;
  country?: string | undefined;
  theme?: string | undefined;
  q?: string | undefined;
  /** 1-based. */
  page?: number | undefined;
}

export const outletPageSize = 50;
/** Up to this many matches are read whole and sorted in memory (one query). */
const sortedInMemory = 300;

function outletConditions(tourId: string, filters: OutletFilters) {
  return and(
    eq(outlets.tourId, tourId),
    isNull(outlets.archivedAt),
    filters.region ? eq(regions.code, filters.region) : undefined,
    filters.country ? eq(outlets.countryCode, filters.country) : undefined,
    filters.theme
      ? sql`exists (select 1 from outlet_themes ot where ot.tour_id = ${tourId} and ot.outlet_id = "outlets"."id" and ot.theme_id = ${filters.theme})`
      : undefined,
    // search_text holds both names folded to Simplified and lower case (lib/search.ts), so
    // "星島", "星岛" and "sing tao" all match here, in SQL.
    ...searchWords(filters.q).map(
      (w) =>
        sql`(${outlets.searchText} like ${likePattern(w)} or ${countries.nameEn} ilike ${likePattern(w)} or ${countries.nameZh} like ${likePattern(w)})`,
    ),
  );
}

/**
 * One page of a tour's outlets, filtered in SQL and ordered as a reader of the locale expects
 * (pinyin for Chinese, which SQL on PGlite cannot collate). A tour of up to `sortedInMemory`
 * matches is read in one query and sorted here; a bigger one sorts the names of every match and
 * reads only the page's outlets in full.
 */
export async function queryOutlets(
  db: Db,
  scope: TourScope,
  filters: OutletFilters = {},
  locale = 'en',
) {
  const { tourId } = scope;
  const where = outletConditions(tourId, filters);
  const byName = (a: { nameZh: string; nameEn: string }, b: { nameZh: string; nameEn: string }) =>
    compareNames(locale, pick(locale, a.nameZh, a.nameEn), pick(locale, b.nameZh, b.nameEn));
  const details = (condition: SQL | undefined, limit: number) =>
    db
      .select({
        id: outlets.id,
        nameZh: outlets.nameZh,
        nameEn: outlets.nameEn,
        mediaType: outlets.mediaType,
        website: outlets.website,
        countryCode: countries.code,
        countryZh: countries.nameZh,
        countryEn: countries.nameEn,
        regionCode: regions.code,
        regionZh: regions.nameZh,
        regionEn: regions.nameEn,
        delegateCount: sql<number>`(select count(*)::int from delegates d where d.tour_id = "outlets"."tour_id" and d.outlet_id = "outlets"."id" and d.archived_at is null)`,
        themes: sql<unknown>`(select coalesce(json_agg(json_build_object('themeId', ct.id, 'nameZh', ct.name_zh, 'nameEn', ct.name_en) order by ct.name_en), '[]') from outlet_themes ot join coverage_themes ct on ct.id = ot.theme_id where ot.tour_id = "outlets"."tour_id" and ot.outlet_id = "outlets"."id")`,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(outlets)
      .innerJoin(countries, eq(countries.code, outlets.countryCode))
      .innerJoin(regions, eq(regions.id, countries.regionId))
      .where(condition)
      .limit(limit);
  const shape = (r: Awaited<ReturnType<typeof details>>[number]) => {
    const { total: _total, themes, ...rest } = r;
    const list = (typeof themes === 'string' ? JSON.parse(themes) : themes) as {
      themeId: string;
      nameZh: string;
      nameEn: string;
    }[];
    return { ...rest, themes: list ?? [] };
  };

  const first = await details(where, sortedInMemory);
  const total = first[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / outletPageSize));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const window = [(page - 1) * outletPageSize, page * outletPageSize] as const;
  if (total <= sortedInMemory) {
    return {
      rows: first
        .sort(byName)
        .slice(...window)
        .map(shape),
      total,
      page,
      pages,
    };
  }
  const names = await db
    .select({ id: outlets.id, nameZh: outlets.nameZh, nameEn: outlets.nameEn })
    .from(outlets)
    .innerJoin(countries, eq(countries.code, outlets.countryCode))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .where(where)
    .limit(20_000);
  const ids = names
    .sort(byName)
    .slice(...window)
    .map((r) => r.id);
  if (ids.length === 0) return { rows: [], total, page, pages };
  const byId = new Map(
    (await details(and(eq(outlets.tourId, tourId), inArray(outlets.id, ids)), ids.length)).map(
      (r) => [r.id, shape(r)],
    ),
  );
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total, page, pages };
}

export type OutletRow = Awaited<ReturnType<typeof queryOutlets>>['rows'][number];

/**
 * The filter menus of the outlets list in one query: the regions and countries the tour's outlets
 * come from, and the tour's coverage themes.
 */
export async function queryOutletFilterOptions(db: Db, scope: TourScope) {
  const [row] = await db
    .select({
      countries: sql<unknown>`(select coalesce(json_agg(json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en, 'regionCode', r.code, 'regionZh', r.name_zh, 'regionEn', r.name_en) order by r.sort_order, c.name_en), '[]') from countries c join regions r on r.id = c.region_id where exists (select 1 from outlets o where o.tour_id = ${scope.tourId} and o.archived_at is null and o.country_code = c.code))`,
      themes: sql<unknown>`(select coalesce(json_agg(json_build_object('id', t.id, 'nameZh', t.name_zh, 'nameEn', t.name_en) order by t.name_en), '[]') from (select id, name_zh, name_en from coverage_themes where tour_id = ${scope.tourId} order by name_en limit 200) t)`,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  type Named = { nameZh: string; nameEn: string };
  const rows = fromJson<
    (Named & { code: string; regionCode: string; regionZh: string; regionEn: string })[]
  >(row?.countries, []);
  const regionList = [...new Map(rows.map((r) => [r.regionCode, r])).values()].map((r) => ({
    code: r.regionCode,
    nameZh: r.regionZh,
    nameEn: r.regionEn,
  }));
  const countryList = rows.map((r) => ({
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    regionCode: r.regionCode,
  }));
  return {
    regions: regionList,
    countries: countryList,
    themes: fromJson<(Named & { id: string })[]>(row?.themes, []),
  };
}

export function getOutlets(scope: TourScope, filters: OutletFilters, locale: string) {
  return cachedTourRead(scope, ['outlets', filters, locale], async () =>
    queryOutlets(await getDb(), scope, filters, locale),
  );
}
export function getOutletFilterOptions(scope: TourScope) {
  return cachedTourRead(scope, ['outletFilterOptions'], async () =>
    queryOutletFilterOptions(await getDb(), scope),
  );
}
