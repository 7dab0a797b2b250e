import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { countries, coverageThemes, delegates, outlets, outletThemes, regions } from '@/db/schema';
import { matchesQuery } from '@/lib/search';

export interface OutletFilters {
  region?: string | undefined;
  country?: string | undefined;
  q?: string | undefined;
}

export async function queryOutlets(
  db: Db,
  { tourId, ...filters }: { tourId: string } & OutletFilters,
) {
  const conditions = [eq(outlets.tourId, tourId)];
  if (filters.region) conditions.push(eq(regions.code, filters.region));
  if (filters.country) conditions.push(eq(outlets.countryCode, filters.country));
  const rows = await db
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
      delegateCount: count(delegates.id),
    })
    .from(outlets)
    .innerJoin(countries, eq(countries.code, outlets.countryCode))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .leftJoin(delegates, eq(delegates.outletId, outlets.id))
    .where(and(...conditions))
    .groupBy(outlets.id, countries.code, regions.id)
    .orderBy(asc(outlets.nameEn));

  // Matching in code, not SQL: it folds Traditional to Simplified, which Postgres cannot.
  const q = filters.q?.trim();
  const matched = q
    ? rows.filter((r) => matchesQuery(q, [r.nameZh, r.nameEn, r.countryZh, r.countryEn]))
    : rows;

  const themes = matched.length
    ? await db
        .select({
          outletId: outletThemes.outletId,
          nameZh: coverageThemes.nameZh,
          nameEn: coverageThemes.nameEn,
        })
        .from(outletThemes)
        .innerJoin(coverageThemes, eq(coverageThemes.id, outletThemes.themeId))
        .where(
          and(
            eq(outletThemes.tourId, tourId),
            inArray(
              outletThemes.outletId,
              matched.map((r) => r.id),
            ),
          ),
        )
    : [];
  return matched.map((r) => ({ ...r, themes: themes.filter((t) => t.outletId === r.id) }));
}

export type OutletRow = Awaited<ReturnType<typeof queryOutlets>>[number];

/** The regions and countries that the tour's outlets come from, for the filter menus. */
export async function queryOutletFilterOptions(db: Db, { tourId }: { tourId: string }) {
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
    .where(eq(outlets.tourId, tourId))
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

export const getOutlets = cache(async (tourId: string, filters: OutletFilters) =>
  queryOutlets(await getDb(), { tourId, ...filters }),
);
export const getOutletFilterOptions = cache(async (tourId: string) =>
  queryOutletFilterOptions(await getDb(), { tourId }),
);
