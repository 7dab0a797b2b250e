import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { countries, coverageThemes, outlets, outletThemes, regions } from '@/db/schema';
import { pick } from '@/lib/i18n/pick';
import { compareNames, likePattern, searchWords } from '@/lib/search';
import type { TourScope } from './scope';

export interface OutletFilters {
  region?: string | undefined;
  country?: string | undefined;
  theme?: string | undefined;
  q?: string | undefined;
  /** 1-based. */
  page?: number | undefined;
}

export const outletPageSize = 50;

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
 * (pinyin for Chinese, which SQL on PGlite cannot collate): the names of every match are sorted
 * here, and only the page's outlets are read in full.
 */
export async function queryOutlets(
  db: Db,
  scope: TourScope,
  filters: OutletFilters = {},
  locale = 'en',
) {
  const { tourId } = scope;
  const where = outletConditions(tourId, filters);
  const names = await db
    .select({ id: outlets.id, nameZh: outlets.nameZh, nameEn: outlets.nameEn })
    .from(outlets)
    .innerJoin(countries, eq(countries.code, outlets.countryCode))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .where(where)
    .limit(20_000);
  names.sort((a, b) =>
    compareNames(locale, pick(locale, a.nameZh, a.nameEn), pick(locale, b.nameZh, b.nameEn)),
  );
  const total = names.length;
  const pages = Math.max(1, Math.ceil(total / outletPageSize));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const ids = names.slice((page - 1) * outletPageSize, page * outletPageSize).map((r) => r.id);
  if (ids.length === 0) return { rows: [], total, page, pages };

  const [details, themes] = await Promise.all([
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
      })
      .from(outlets)
      .innerJoin(countries, eq(countries.code, outlets.countryCode))
      .innerJoin(regions, eq(regions.id, countries.regionId))
      .where(and(eq(outlets.tourId, tourId), inArray(outlets.id, ids))),
    db
      .select({
        outletId: outletThemes.outletId,
        themeId: coverageThemes.id,
        nameZh: coverageThemes.nameZh,
        nameEn: coverageThemes.nameEn,
      })
      .from(outletThemes)
      .innerJoin(coverageThemes, eq(coverageThemes.id, outletThemes.themeId))
      .where(and(eq(outletThemes.tourId, tourId), inArray(outletThemes.outletId, ids))),
  ]);
  const byOutlet = new Map<string, typeof themes>();
  for (const t of themes) byOutlet.set(t.outletId, [...(byOutlet.get(t.outletId) ?? []), t]);
  const byId = new Map(details.map((r) => [r.id, { ...r, themes: byOutlet.get(r.id) ?? [] }]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return { rows, total, page, pages };
}

export type OutletRow = Awaited<ReturnType<typeof queryOutlets>>['rows'][number];

/** The regions and countries that the tour's outlets come from, for the filter menus. */
export async function queryOutletFilterOptions(db: Db, scope: TourScope) {
  const rows = await db
    .selectDistinct({
      countryCode: countries.code,
      countryZh: countries.nameZh,
      countryEn: countries.nameEn,
      regionCode: regions.code,
      regionZh: regions.nameZh,
      regionEn: regions.nameEn,
      regionOrder: regions.sortOrder,
    })
    .from(outlets)
    .innerJoin(countries, eq(countries.code, outlets.countryCode))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .where(and(eq(outlets.tourId, scope.tourId), isNull(outlets.archivedAt)))
    .orderBy(asc(regions.sortOrder), asc(countries.nameEn));
  const regionList = [...new Map(rows.map((r) => [r.regionCode, r])).values()].map((r) => ({
    code: r.regionCode,
    nameZh: r.regionZh,
    nameEn: r.regionEn,
  }));
  const countryList = rows.map((r) => ({
    code: r.countryCode,
    nameZh: r.countryZh,
    nameEn: r.countryEn,
    regionCode: r.regionCode,
  }));
  return { regions: regionList, countries: countryList };
}

export const getOutlets = cache(async (scope: TourScope, filters: OutletFilters, locale: string) =>
  queryOutlets(await getDb(), scope, filters, locale),
);
export const getOutletFilterOptions = cache(async (scope: TourScope) =>
  queryOutletFilterOptions(await getDb(), scope),
);
