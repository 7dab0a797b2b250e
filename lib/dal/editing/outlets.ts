import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import type { mediaTypes } from '@/db/schema';
import { countries, coverageThemes, outlets, outletThemes, tours } from '@/db/schema';
import { searchTextOf } from '@/lib/search';
import type { TourScope } from '../scope';
import { audit, done, type EditResult, inTransaction, type Origin, refuse } from './common';

export interface OutletInput extends Origin {
  outletId?: string | undefined;
  nameZh: string;
  nameEn: string;
  countryCode: string;
  mediaType: (typeof mediaTypes)[number];
  website: string | null;
}

export async function countryExists(db: Db, code: string) {
  const [row] = await db
    .select({ code: countries.code })
    .from(countries)
    .where(eq(countries.code, code));
  return !!row;
}

/** Creates an outlet of the tour, or updates one of its outlets (never another tour's). */
export async function saveOutlet(
  db: Db,
  scope: TourScope,
  input: OutletInput,
): Promise<EditResult<{ id: string; created: boolean }>> {
  const { ip, outletId, ...fields } = input;
  const values = { ...fields, searchText: searchTextOf(fields.nameZh, fields.nameEn) };
  return inTransaction(db, async (tx) => {
    if (!(await countryExists(tx, values.countryCode))) {
      return refuse('invalid', 'countryUnknown', 'countryCode');
    }
    let id: string;
    if (outletId) {
      const [row] = await tx
        .update(outlets)
        .set(values)
        .where(and(eq(outlets.tourId, scope.tourId), eq(outlets.id, outletId)))
        .returning({ id: outlets.id });
      if (!row) return refuse('not_found', 'notFound', 'outletId');
      id = row.id;
    } else {
      const [row] = await tx
        .insert(outlets)
        .values({ ...values, tourId: scope.tourId })
        .returning({ id: outlets.id });
      if (!row) throw new Error('outlet not stored');
      id = row.id;
    }
    await audit(
      tx,
      scope.viewer,
      { ip },
      {
        action: outletId ? 'outlet.updated' : 'outlet.created',
        tourId: scope.tourId,
        target: id,
        detail: { nameEn: values.nameEn },
      },
    );
    return done({ id, created: !outletId });
  });
}

/** Archived, not deleted: visits, accounts and exports may point at it. */
export async function archiveOutlet(
  db: Db,
  scope: TourScope,
  input: { id: string } & Origin,
): Promise<EditResult<{ id: string }>> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(outlets)
      .set({ archivedAt: new Date() })
      .where(
        and(eq(outlets.tourId, scope.tourId), eq(outlets.id, input.id), isNull(outlets.archivedAt)),
      )
      .returning({ id: outlets.id });
    if (!row) return refuse('not_found', 'notFound', 'id');
    await audit(tx, scope.viewer, input, {
      action: 'outlet.archived',
      tourId: scope.tourId,
      target: row.id,
    });
    return done(row);
  });
}

/** One outlet of the tour for its edit form. */
export async function queryOutletForEdit(db: Db, scope: TourScope, outletId: string) {
  const [row] = await db
    .select({
      id: outlets.id,
      nameZh: outlets.nameZh,
      nameEn: outlets.nameEn,
      countryCode: outlets.countryCode,
      mediaType: outlets.mediaType,
      website: outlets.website,
      archivedAt: outlets.archivedAt,
    })
    .from(outlets)
    .where(and(eq(outlets.tourId, scope.tourId), eq(outlets.id, outletId)));
  return row ?? null;
}

// --- Coverage themes ------------------------------------------------------------------------

export async function saveTheme(
  db: Db,
  scope: TourScope,
  input: { themeId?: string | undefined; nameZh: string; nameEn: string } & Origin,
): Promise<EditResult<{ id: string; created: boolean }>> {
  const { ip, themeId, ...values } = input;
  return inTransaction(db, async (tx) => {
    let id: string;
    if (themeId) {
      const [row] = await tx
        .update(coverageThemes)
        .set(values)
        .where(and(eq(coverageThemes.tourId, scope.tourId), eq(coverageThemes.id, themeId)))
        .returning({ id: coverageThemes.id });
      if (!row) return refuse('not_found', 'themeNotInTour', 'themeId');
      id = row.id;
    } else {
      const [row] = await tx
        .insert(coverageThemes)
        .values({ ...values, tourId: scope.tourId })
        .returning({ id: coverageThemes.id });
      if (!row) throw new Error('theme not stored');
      id = row.id;
    }
    await audit(
      tx,
      scope.viewer,
      { ip },
      {
        action: themeId ? 'theme.updated' : 'theme.created',
        tourId: scope.tourId,
        target: id,
        detail: { nameEn: values.nameEn },
      },
    );
    return done({ id, created: !themeId });
  });
}

/** Both ids checked against the tour: a theme or outlet of another tour is refused. */
async function checkThemeAndOutlets(
  tx: Db,
  scope: TourScope,
  themeId: string,
  outletIds: string[],
) {
  const [theme] = await tx
    .select({ id: coverageThemes.id })
    .from(coverageThemes)
    .where(and(eq(coverageThemes.tourId, scope.tourId), eq(coverageThemes.id, themeId)));
  if (!theme) return refuse('invalid', 'themeNotInTour', 'themeId');
  const found = await tx
    .select({ id: outlets.id })
    .from(outlets)
    .where(
      and(
        eq(outlets.tourId, scope.tourId),
        inArray(outlets.id, outletIds),
        isNull(outlets.archivedAt),
      ),
    );
  if (found.length !== new Set(outletIds).size) {
    return refuse('invalid', 'outletNotInTour', outletIds.length > 1 ? 'outletIds' : 'outletId');
  }
  return null;
}

/** One cell of the coverage matrix. */
export async function setOutletTheme(
  db: Db,
  scope: TourScope,
  input: { outletId: string; themeId: string; on: boolean } & Origin,
): Promise<EditResult<{ outletId: string; themeId: string; on: boolean }>> {
  return inTransaction(db, async (tx) => {
    const problem = await checkThemeAndOutlets(tx, scope, input.themeId, [input.outletId]);
    if (problem) return problem;
    if (input.on) {
      await tx
        .insert(outletThemes)
        .values({ tourId: scope.tourId, outletId: input.outletId, themeId: input.themeId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(outletThemes)
        .where(
          and(
            eq(outletThemes.tourId, scope.tourId),
            eq(outletThemes.outletId, input.outletId),
            eq(outletThemes.themeId, input.themeId),
          ),
        );
    }
    await audit(tx, scope.viewer, input, {
      action: input.on ? 'theme.assigned' : 'theme.unassigned',
      tourId: scope.tourId,
      target: input.themeId,
      detail: { outletIds: [input.outletId] },
    });
    return done({ outletId: input.outletId, themeId: input.themeId, on: input.on });
  });
}

/** Bulk: gives one theme to several outlets of the tour. */
export async function assignThemeToOutlets(
  db: Db,
  scope: TourScope,
  input: { themeId: string; outletIds: string[] } & Origin,
): Promise<EditResult<{ added: number }>> {
  const outletIds = [...new Set(input.outletIds)];
  return inTransaction(db, async (tx) => {
    const problem = await checkThemeAndOutlets(tx, scope, input.themeId, outletIds);
    if (problem) return problem;
    const added = await tx
      .insert(outletThemes)
      .values(
        outletIds.map((outletId) => ({ tourId: scope.tourId, outletId, themeId: input.themeId })),
      )
      .onConflictDoNothing()
      .returning({ outletId: outletThemes.outletId });
    await audit(tx, scope.viewer, input, {
      action: 'theme.assigned',
      tourId: scope.tourId,
      target: input.themeId,
      detail: { outlets: outletIds.length, added: added.length },
    });
    return done({ added: added.length });
  });
}

/** The tour's limit of themes per outlet, for the matrix's warnings. */
export async function queryMaxThemes(db: Db, scope: TourScope) {
  const [row] = await db
    .select({ max: tours.maxThemesPerOutlet })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  return row?.max ?? 3;
}

export const coveragePageSize = 50;

/**
 * The coverage matrix: per theme the number of outlets and the regions they come from (counted
 * over the whole tour in SQL), and one page of outlets with the themes each covers.
 */
export async function queryCoverage(db: Db, scope: TourScope, page = 1) {
  const { tourId } = scope;
  const themes = await db.execute<{
    id: string;
    nameZh: string;
    nameEn: string;
    outlets: number;
    regionsEn: string[] | null;
    regionsZh: string[] | null;
  }>(sql`
    select t.id, t.name_zh as "nameZh", t.name_en as "nameEn",
      count(distinct o.id)::int as outlets,
      array_remove(array_agg(distinct r.name_en), null) as "regionsEn",
      array_remove(array_agg(distinct r.name_zh), null) as "regionsZh"
    from coverage_themes t
    left join outlet_themes ot on ot.tour_id = t.tour_id and ot.theme_id = t.id
    left join outlets o on o.tour_id = ot.tour_id and o.id = ot.outlet_id and o.archived_at is null
    left join countries c on c.code = o.country_code
    left join regions r on r.id = c.region_id
    where t.tour_id = ${tourId}
    group by t.id
    order by t.name_en`);
  const themeRows = (Array.isArray(themes) ? themes : (themes as { rows: unknown[] }).rows) as {
    id: string;
    nameZh: string;
    nameEn: string;
    outlets: number;
    regionsEn: string[] | null;
    regionsZh: string[] | null;
  }[];
  const where = and(eq(outlets.tourId, tourId), isNull(outlets.archivedAt));
  const total = await db.$count(outlets, where);
  const pages = Math.max(1, Math.ceil(total / coveragePageSize));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select({
      id: outlets.id,
      nameZh: outlets.nameZh,
      nameEn: outlets.nameEn,
      countryCode: outlets.countryCode,
      themeIds: sql<
        string[]
      >`coalesce((select array_agg(ot.theme_id) from outlet_themes ot where ot.tour_id = ${tourId} and ot.outlet_id = "outlets"."id"), '{}')`,
    })
    .from(outlets)
    .where(where)
    .orderBy(outlets.nameEn, outlets.id)
    .limit(coveragePageSize)
    .offset((current - 1) * coveragePageSize);
  const maxThemes = await queryMaxThemes(db, scope);
  // Outlets the matrix warns about, over the whole tour (the matrix shows a page of them).
  const [warned] = await db
    .select({
      noTheme: sql<number>`count(*) filter (where n = 0)::int`,
      tooMany: sql<number>`count(*) filter (where n > ${maxThemes})::int`,
    })
    .from(
      db
        .select({
          n: sql<number>`(select count(*) from outlet_themes ot where ot.tour_id = ${tourId} and ot.outlet_id = "outlets"."id")`.as(
            'n',
          ),
        })
        .from(outlets)
        .where(where)
        .as('x'),
    );
  return {
    outletWarnings: { noTheme: warned?.noTheme ?? 0, tooMany: warned?.tooMany ?? 0 },
    themes: themeRows.map((t) => ({
      ...t,
      regionsEn: t.regionsEn ?? [],
      regionsZh: t.regionsZh ?? [],
    })),
    outlets: rows,
    total,
    page: current,
    pages,
    maxThemes,
  };
}

/**
 * Deletes an outlet that nothing depends on; one with delegates is refused, naming how many, and
 * archiving is offered instead.
 */
export async function deleteOutlet(
  db: Db,
  scope: TourScope,
  input: { id: string } & Origin,
): Promise<EditResult<{ id: string }>> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({
        id: outlets.id,
        nameEn: outlets.nameEn,
        delegates: sql<number>`(select count(*)::int from delegates d where d.tour_id = ${scope.tourId} and d.outlet_id = "outlets"."id")`,
      })
      .from(outlets)
      .where(and(eq(outlets.tourId, scope.tourId), eq(outlets.id, input.id)))
      .for('update');
    if (!row) return refuse('not_found', 'notFound', 'id');
    if (row.delegates > 0) {
      return refuse('conflict', 'hasDependents', 'id', {
        delegates: row.delegates,
        accounts: 0,
        visits: 0,
      });
    }
    await tx.delete(outlets).where(and(eq(outlets.tourId, scope.tourId), eq(outlets.id, row.id)));
    await audit(tx, scope.viewer, input, {
      action: 'outlet.deleted',
      tourId: scope.tourId,
      target: row.id,
      detail: { nameEn: row.nameEn },
    });
    return done({ id: row.id });
  });
}
