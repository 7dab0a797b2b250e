import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import type { Viewer } from '@/lib/auth/permissions';
import {
  type TourFile,
  tourFileFormat,
  tourFileProblem,
  tourFileSchema,
} from '@/lib/validation/tour-file';
import { recordAudit } from './audit';
import type { TourScope } from './scope';

// One tour out of this instance as a single file, and into another as a new tour. The file's
// fields are exactly those of its schemas (lib/validation/tour-file.ts).

const pick = <T extends { shape: Record<string, unknown> }>(schema: T, row: object) => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = (row as Record<string, unknown>)[key];
    out[key] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return out;
};

/** Every row of the tour and the reference rows it points at; null when it does not exist. */
export async function exportTour(db: Db, scope: TourScope): Promise<TourFile | null> {
  const tourId = scope.tourId;
  const [tour] = await db.select().from(s.tours).where(eq(s.tours.id, tourId));
  if (!tour) return null;
  const [outlets, themes, outletThemes, delegates, groups, members, visits, visitGroups] =
    await Promise.all([
      db.select().from(s.outlets).where(eq(s.outlets.tourId, tourId)).orderBy(s.outlets.id),
      db
        .select()
        .from(s.coverageThemes)
        .where(eq(s.coverageThemes.tourId, tourId))
        .orderBy(s.coverageThemes.id),
      db.select().from(s.outletThemes).where(eq(s.outletThemes.tourId, tourId)),
      db.select().from(s.delegates).where(eq(s.delegates.tourId, tourId)).orderBy(s.delegates.id),
      db.select().from(s.groups).where(eq(s.groups.tourId, tourId)).orderBy(s.groups.id),
      db.select().from(s.groupMembers).where(eq(s.groupMembers.tourId, tourId)),
      db.select().from(s.visits).where(eq(s.visits.tourId, tourId)).orderBy(s.visits.id),
      db.select().from(s.visitGroups).where(eq(s.visitGroups.tourId, tourId)),
    ]);
  const siteIds = [...new Set(visits.map((v) => v.siteId).filter((x): x is string => !!x))];
  const sites = siteIds.length
    ? await db.select().from(s.sites).where(inArray(s.sites.id, siteIds)).orderBy(s.sites.id)
    : [];
  const cityIds = [
    ...new Set(
      [...visits.flatMap((v) => [v.cityId, v.fromCityId]), ...sites.map((x) => x.cityId)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const cities = cityIds.length
    ? await db.select().from(s.cities).where(inArray(s.cities.id, cityIds)).orderBy(s.cities.id)
    : [];
  const countryCodes = [
    ...new Set(
      [...outlets.map((o) => o.countryCode), ...delegates.map((d) => d.nationality)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const countries = countryCodes.length
    ? await db
        .select({
          code: s.countries.code,
          nameZh: s.countries.nameZh,
          nameEn: s.countries.nameEn,
          regionCode: s.regions.code,
        })
        .from(s.countries)
        .innerJoin(s.regions, eq(s.regions.id, s.countries.regionId))
        .where(inArray(s.countries.code, countryCodes))
        .orderBy(s.countries.code)
    : [];
  const regionCodes = [...new Set(countries.map((c) => c.regionCode))];
  const regions = regionCodes.length
    ? await db
        .select()
        .from(s.regions)
        .where(inArray(s.regions.code, regionCodes))
        .orderBy(s.regions.code)
    : [];
  const shape = tourFileSchema.shape;
  const file = {
    format: tourFileFormat,
    version: 1,
    exportedAt: new Date().toISOString(),
    tour: pick(shape.tour, tour),
    regions: regions.map((r) => pick(shape.regions.element, r)),
    countries: countries.map((r) => pick(shape.countries.element, r)),
    cities: cities.map((r) => pick(shape.cities.element, r)),
    sites: sites.map((r) => pick(shape.sites.element, r)),
    outlets: outlets.map((r) => pick(shape.outlets.element, r)),
    coverageThemes: themes.map((r) => pick(shape.coverageThemes.element, r)),
    outletThemes: outletThemes.map((r) => pick(shape.outletThemes.element, r)),
    delegates: delegates.map((r) => pick(shape.delegates.element, r)),
    groups: groups.map((r) => pick(shape.groups.element, r)),
    groupMembers: members.map((r) => pick(shape.groupMembers.element, r)),
    visits: visits.map((r) => pick(shape.visits.element, r)),
    visitGroups: visitGroups.map((r) => pick(shape.visitGroups.element, r)),
  };
  // What we write must be what we read back.
  return tourFileSchema.parse(file);
}

export type ImportResult =
  | { ok: true; tourId: string; counts: Record<string, number> }
  | { ok: false; reason: 'nameTaken' | 'inconsistent'; detail: string };

/**
 * Imports a validated tour file as a new tour, every id new, in one transaction with its audit
 * entry: all of it or nothing. Reference rows (regions, countries, cities, sites) are matched by
 * code and name and added when this instance lacks them.
 */
export async function importTour(
  db: Db,
  viewer: Viewer,
  file: TourFile,
  ip: string | null,
): Promise<ImportResult> {
  const problem = tourFileProblem(file);
  if (problem) return { ok: false, reason: 'inconsistent', detail: problem };
  return db.transaction(async (tx) => {
    const clash = await tx
      .select({ id: s.tours.id })
      .from(s.tours)
      .where(eq(s.tours.nameEn, file.tour.nameEn));
    if (clash.length) return { ok: false, reason: 'nameTaken', detail: file.tour.nameEn };

    const regionIds = new Map<string, string>();
    for (const r of file.regions) {
      await tx.insert(s.regions).values(r).onConflictDoNothing({ target: s.regions.code });
      const [row] = await tx
        .select({ id: s.regions.id })
        .from(s.regions)
        .where(eq(s.regions.code, r.code));
      if (row) regionIds.set(r.code, row.id);
    }
    for (const c of file.countries) {
      const { regionCode, ...country } = c;
      await tx
        .insert(s.countries)
        .values({ ...country, regionId: regionIds.get(regionCode) ?? '' })
        .onConflictDoNothing({ target: s.countries.code });
    }
    const cityIds = new Map<string, string>();
    for (const c of file.cities) {
      const { id, ...city } = c;
      await tx.insert(s.cities).values(city).onConflictDoNothing({ target: s.cities.code });
      const [row] = await tx
        .select({ id: s.cities.id })
        .from(s.cities)
        .where(eq(s.cities.code, c.code));
      if (row) cityIds.set(id, row.id);
    }
    const siteIds = new Map<string, string>();
    for (const x of file.sites) {
      const { id, cityId, ...site } = x;
      const city = cityIds.get(cityId) ?? '';
      await tx
        .insert(s.sites)
        .values({ ...site, cityId: city })
        .onConflictDoNothing({ target: [s.sites.cityId, s.sites.nameEn] });
      const [row] = await tx
        .select({ id: s.sites.id })
        .from(s.sites)
        .where(and(eq(s.sites.cityId, city), eq(s.sites.nameEn, x.nameEn)));
      if (row) siteIds.set(id, row.id);
    }

    const fresh = new Map<string, string>();
    const newId = (old: string) => {
      const id = randomUUID();
      fresh.set(old, id);
      return id;
    };
    const ref = (old: string) => fresh.get(old) ?? '';
    const at = (v: string | null) => (v === null ? null : new Date(v));

    const [tour] = await tx
      .insert(s.tours)
      .values({ ...file.tour, archivedAt: at(file.tour.archivedAt) })
      .returning({ id: s.tours.id });
    const tourId = tour?.id ?? '';
    const chunked = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
    };
    await chunked(file.outlets, (b) =>
      tx
        .insert(s.outlets)
        .values(b.map((o) => ({ ...o, id: newId(o.id), tourId, archivedAt: at(o.archivedAt) }))),
    );
    await chunked(file.coverageThemes, (b) =>
      tx.insert(s.coverageThemes).values(b.map((t) => ({ ...t, id: newId(t.id), tourId }))),
    );
    await chunked(file.outletThemes, (b) =>
      tx
        .insert(s.outletThemes)
        .values(b.map((x) => ({ tourId, outletId: ref(x.outletId), themeId: ref(x.themeId) }))),
    );
    await chunked(file.delegates, (b) =>
      tx.insert(s.delegates).values(
        b.map((d) => ({
          ...d,
          id: newId(d.id),
          tourId,
          outletId: ref(d.outletId),
          arrivesAt: at(d.arrivesAt),
          departsAt: at(d.departsAt),
          archivedAt: at(d.archivedAt),
          updatedAt: new Date(d.updatedAt),
        })),
      ),
    );
    await chunked(file.groups, (b) =>
      tx.insert(s.groups).values(b.map((g) => ({ ...g, id: newId(g.id), tourId }))),
    );
    await chunked(file.groupMembers, (b) =>
      tx
        .insert(s.groupMembers)
        .values(
          b.map((m) => ({ ...m, tourId, groupId: ref(m.groupId), delegateId: ref(m.delegateId) })),
        ),
    );
    await chunked(file.visits, (b) =>
      tx.insert(s.visits).values(
        b.map((v) => ({
          ...v,
          id: newId(v.id),
          tourId,
          siteId: v.siteId ? (siteIds.get(v.siteId) ?? null) : null,
          cityId: v.cityId ? (cityIds.get(v.cityId) ?? null) : null,
          fromCityId: v.fromCityId ? (cityIds.get(v.fromCityId) ?? null) : null,
          startsAt: new Date(v.startsAt),
          endsAt: new Date(v.endsAt),
          createdAt: new Date(v.createdAt),
          updatedAt: new Date(v.updatedAt),
          updatedBy: null,
        })),
      ),
    );
    await chunked(file.visitGroups, (b) =>
      tx
        .insert(s.visitGroups)
        .values(b.map((x) => ({ tourId, visitId: ref(x.visitId), groupId: ref(x.groupId) }))),
    );
    const counts = {
      outlets: file.outlets.length,
      delegates: file.delegates.length,
      groups: file.groups.length,
      visits: file.visits.length,
    };
    await recordAudit(tx, {
      action: 'tour.imported',
      userId: viewer.userId,
      actorEmail: viewer.email,
      tourId,
      target: file.tour.nameEn.slice(0, 200),
      detail: counts,
      ip,
    });
    return { ok: true, tourId, counts };
  });
}
