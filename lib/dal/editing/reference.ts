import 'server-only';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { cities, countries, siteClosures, sites, travelTimes } from '@/db/schema';
import { canEditReference, type Viewer } from '@/lib/auth/permissions';
import { parseClosures } from '@/lib/validation/editing';
import {
  audit,
  done,
  type EditResult,
  inTransaction,
  isUniqueViolation,
  type Origin,
  Refused,
  refuse,
} from './common';

// Cities, sites and travel times are shared by every tour: any staff member keeps them.

export interface CityInput extends Origin {
  cityId?: string | undefined;
  code: string;
  nameZh: string;
  nameEn: string;
  provinceZh: string;
  provinceEn: string;
}

export async function saveCity(
  db: Db,
  viewer: Viewer,
  input: CityInput,
): Promise<EditResult<{ id: string; created: boolean }>> {
  if (!canEditReference(viewer)) return refuse('forbidden', 'forbidden');
  const { ip, cityId, ...values } = input;
  return inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: cities.id })
      .from(cities)
      .where(eq(cities.code, values.code));
    if (taken && taken.id !== cityId) return refuse('conflict', 'codeTaken', 'code');
    let id: string;
    if (cityId) {
      const [row] = await tx
        .update(cities)
        .set(values)
        .where(eq(cities.id, cityId))
        .returning({ id: cities.id });
      if (!row) return refuse('not_found', 'cityNotFound', 'cityId');
      id = row.id;
    } else {
      const [row] = await tx
        .insert(cities)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: cities.id });
      if (!row) return refuse('conflict', 'codeTaken', 'code');
      id = row.id;
    }
    await audit(
      tx,
      viewer,
      { ip },
      {
        action: cityId ? 'city.updated' : 'city.created',
        target: id,
        detail: { code: values.code },
      },
    );
    return done({ id, created: !cityId });
  });
}

export interface SiteInput extends Origin {
  siteId?: string | undefined;
  cityId: string;
  nameZh: string;
  nameEn: string;
  addressZh: string | null;
  addressEn: string | null;
  capacity: number | null;
  hostContactName: string | null;
  hostContactPhone: string | null;
  hostContactEmail: string | null;
  opensAt: string | null;
  closesAt: string | null;
  closedWeekdays: number[];
  /** Lines of "yyyy-MM-dd note"; replaces the site's closures. */
  closures: string | null;
}

export async function saveSite(
  db: Db,
  viewer: Viewer,
  input: SiteInput,
): Promise<EditResult<{ id: string; created: boolean }>> {
  if (!canEditReference(viewer)) return refuse('forbidden', 'forbidden');
  const { ip, siteId, closures, ...fields } = input;
  const closureRows = parseClosures(closures ?? '') ?? [];
  const values = { ...fields, closedWeekdays: [...new Set(fields.closedWeekdays)].sort() };
  return inTransaction(db, async (tx) => {
    const [city] = await tx
      .select({ id: cities.id })
      .from(cities)
      .where(eq(cities.id, values.cityId));
    if (!city) return refuse('invalid', 'cityNotFound', 'cityId');
    let id: string;
    try {
      if (siteId) {
        const [row] = await tx
          .update(sites)
          .set(values)
          .where(eq(sites.id, siteId))
          .returning({ id: sites.id });
        if (!row) return refuse('not_found', 'notFound', 'siteId');
        id = row.id;
      } else {
        const [row] = await tx.insert(sites).values(values).returning({ id: sites.id });
        if (!row) throw new Error('site not stored');
        id = row.id;
      }
    } catch (err) {
      if (isUniqueViolation(err)) throw new Refused(refuse('conflict', 'nameTaken', 'nameEn'));
      throw err;
    }
    await tx.delete(siteClosures).where(eq(siteClosures.siteId, id));
    if (closureRows.length) {
      await tx.insert(siteClosures).values(closureRows.map((c) => ({ ...c, siteId: id })));
    }
    await audit(
      tx,
      viewer,
      { ip },
      {
        action: siteId ? 'site.updated' : 'site.created',
        target: id,
        detail: { nameEn: values.nameEn, closures: closureRows.length },
      },
    );
    return done({ id, created: !siteId });
  });
}

export async function archiveSite(
  db: Db,
  viewer: Viewer,
  input: { siteId: string } & Origin,
): Promise<EditResult<{ id: string }>> {
  if (!canEditReference(viewer)) return refuse('forbidden', 'forbidden');
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(sites)
      .set({ archivedAt: new Date() })
      .where(and(eq(sites.id, input.siteId), isNull(sites.archivedAt)))
      .returning({ id: sites.id });
    if (!row) return refuse('not_found', 'notFound', 'siteId');
    await audit(tx, viewer, input, { action: 'site.archived', target: row.id });
    return done(row);
  });
}

/** Sets (or, with null, removes) the minutes between two cities; stored once per pair. */
export async function setTravelTime(
  db: Db,
  viewer: Viewer,
  input: { fromCityId: string; toCityId: string; minutes: number | null } & Origin,
): Promise<EditResult<{ minutes: number | null }>> {
  if (!canEditReference(viewer)) return refuse('forbidden', 'forbidden');
  const [cityAId, cityBId] = [input.fromCityId, input.toCityId].sort() as [string, string];
  return inTransaction(db, async (tx) => {
    const found = await tx
      .select({ id: cities.id })
      .from(cities)
      .where(or(eq(cities.id, cityAId), eq(cities.id, cityBId)));
    if (found.length !== 2) {
      const missing = found.some((c) => c.id === input.fromCityId) ? 'toCityId' : 'fromCityId';
      return refuse('invalid', 'cityNotFound', missing);
    }
    const pair = and(eq(travelTimes.cityAId, cityAId), eq(travelTimes.cityBId, cityBId));
    if (input.minutes === null) {
      await tx.delete(travelTimes).where(pair);
    } else {
      await tx
        .insert(travelTimes)
        .values({ cityAId, cityBId, minutes: input.minutes })
        .onConflictDoUpdate({
          target: [travelTimes.cityAId, travelTimes.cityBId],
          set: { minutes: input.minutes },
        });
    }
    await audit(tx, viewer, input, {
      action: 'travelTime.set',
      target: `${cityAId}:${cityBId}`,
      detail: { minutes: input.minutes },
    });
    return done({ minutes: input.minutes });
  });
}

export async function queryCities(db: Db) {
  return db
    .select({
      id: cities.id,
      code: cities.code,
      nameZh: cities.nameZh,
      nameEn: cities.nameEn,
      provinceZh: cities.provinceZh,
      provinceEn: cities.provinceEn,
    })
    .from(cities)
    .orderBy(cities.provinceEn, cities.nameEn)
    .limit(1000);
}

export async function querySites(db: Db) {
  const rows = await db
    .select({
      id: sites.id,
      cityId: sites.cityId,
      nameZh: sites.nameZh,
      nameEn: sites.nameEn,
      addressZh: sites.addressZh,
      addressEn: sites.addressEn,
      capacity: sites.capacity,
      hostContactName: sites.hostContactName,
      hostContactPhone: sites.hostContactPhone,
      hostContactEmail: sites.hostContactEmail,
      opensAt: sites.opensAt,
      closesAt: sites.closesAt,
      closedWeekdays: sites.closedWeekdays,
    })
    .from(sites)
    .where(isNull(sites.archivedAt))
    .orderBy(sites.nameEn)
    .limit(2000);
  const closures = await db
    .select({ siteId: siteClosures.siteId, date: siteClosures.date, note: siteClosures.note })
    .from(siteClosures)
    .orderBy(siteClosures.date);
  return rows.map((r) => ({
    ...r,
    opensAt: r.opensAt?.slice(0, 5) ?? null,
    closesAt: r.closesAt?.slice(0, 5) ?? null,
    closures: closures
      .filter((c) => c.siteId === r.id)
      .map((c) => (c.note ? `${c.date} ${c.note}` : c.date))
      .join('\n'),
  }));
}

export async function queryTravelTimes(db: Db) {
  return db
    .select({
      cityAId: travelTimes.cityAId,
      cityBId: travelTimes.cityBId,
      minutes: travelTimes.minutes,
    })
    .from(travelTimes)
    .limit(10_000);
}

export async function queryCountries(db: Db) {
  return db
    .select({ code: countries.code, nameZh: countries.nameZh, nameEn: countries.nameEn })
    .from(countries)
    .orderBy(countries.nameEn)
    .limit(500);
}

/** Deletes a site no visit uses; one with visits is refused, naming how many (archive instead). */
export async function deleteSite(
  db: Db,
  viewer: Viewer,
  input: { siteId: string } & Origin,
): Promise<EditResult<{ id: string }>> {
  if (!canEditReference(viewer)) return refuse('forbidden', 'forbidden');
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({
        id: sites.id,
        visits: sql<number>`(select count(*)::int from visits v where v.site_id = "sites"."id")`,
      })
      .from(sites)
      .where(eq(sites.id, input.siteId))
      .for('update');
    if (!row) return refuse('not_found', 'notFound', 'siteId');
    if (row.visits > 0) {
      return refuse('conflict', 'hasDependents', 'siteId', {
        delegates: 0,
        accounts: 0,
        visits: row.visits,
      });
    }
    await tx.delete(sites).where(eq(sites.id, row.id));
    await audit(tx, viewer, input, { action: 'site.deleted', target: row.id });
    return done({ id: row.id });
  });
}
