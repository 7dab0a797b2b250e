import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import { encryptPassport } from '../../lib/crypto/passport';
import { searchTextOf } from '../../lib/search';
import type { Db } from '../connect';
import * as s from '../schema';
import { demoAccounts, demoPassword } from './accounts';
import { type DemoData, demoData } from './demo-data';
import { localInstant, sortedPair } from './seed-helpers';

export { demoAccounts, demoPassword, hasDemoAccounts } from './accounts';

export class SeedConflictError extends Error {
  constructor(readonly tourName: string) {
    super(`The database already holds a tour named "${tourName}"; nothing was loaded.`);
    this.name = 'SeedConflictError';
  }
}

/** Loads the demo tour once, on a database that holds no tour at all. */
export async function seedDemoIfEmpty(db: Db): Promise<{ seeded: boolean }> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(s.tours);
  if ((row?.n ?? 0) > 0) return { seeded: false };
  await seedDemoTour(db);
  return { seeded: true };
}

/**
 * Loads the demo tour and the reference data it needs in one transaction. Reference rows that
 * already exist (by code or by name) are reused, so it also runs on a database with other tours.
 */
export async function seedDemoTour(db: Db, data: DemoData = demoData): Promise<{ tourId: string }> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: s.tours.id })
      .from(s.tours)
      .where(eq(s.tours.nameEn, data.tour.nameEn));
    if (existing.length > 0) throw new SeedConflictError(data.tour.nameEn);

    await tx
      .insert(s.regions)
      .values(
        data.regions.map(({ code, nameZh, nameEn, sortOrder }) => ({
          code,
          nameZh,
          nameEn,
          sortOrder,
        })),
      )
      .onConflictDoNothing({ target: s.regions.code });
    const regionId = new Map(
      (await tx.select({ id: s.regions.id, code: s.regions.code }).from(s.regions)).map((r) => [
        r.code,
        r.id,
      ]),
    );

    await tx
      .insert(s.countries)
      .values(
        data.countries.map((c) => ({
          code: c.code,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          regionId: mustGet(regionId, c.region, 'region'),
        })),
      )
      .onConflictDoNothing({ target: s.countries.code });

    await tx.insert(s.cities).values(data.cities).onConflictDoNothing({ target: s.cities.code });
    const cityId = new Map(
      (await tx.select({ id: s.cities.id, code: s.cities.code }).from(s.cities)).map((c) => [
        c.code,
        c.id,
      ]),
    );

    await tx
      .insert(s.travelTimes)
      .values(
        data.travelTimes.map((t) => {
          const [cityAId, cityBId] = sortedPair(
            mustGet(cityId, t.from, 'city'),
            mustGet(cityId, t.to, 'city'),
          );
          return { cityAId, cityBId, minutes: t.minutes };
        }),
      )
      .onConflictDoNothing();

    await tx
      .insert(s.sites)
      .values(
        data.sites.map(({ key: _key, city, ...site }) => ({
          ...site,
          cityId: mustGet(cityId, city, 'city'),
        })),
      )
      .onConflictDoNothing({ target: [s.sites.cityId, s.sites.nameEn] });
    const siteRows = await tx
      .select({ id: s.sites.id, cityId: s.sites.cityId, nameEn: s.sites.nameEn })
      .from(s.sites);
    const siteId = new Map(
      data.sites.map((site) => {
        const cid = mustGet(cityId, site.city, 'city');
        const row = siteRows.find((r) => r.cityId === cid && r.nameEn === site.nameEn);
        if (!row) throw new Error(`Seed: site ${site.key} was not stored`);
        return [site.key, row.id];
      }),
    );

    const [tour] = await tx
      .insert(s.tours)
      .values({ ...data.tour, isSample: true })
      .returning({ id: s.tours.id });
    if (!tour) throw new Error('Seed: tour was not stored');
    const tourId = tour.id;

    const themeRows = await tx
      .insert(s.coverageThemes)
      .values(data.themes.map((t) => ({ tourId, nameZh: t.nameZh, nameEn: t.nameEn })))
      .returning({ id: s.coverageThemes.id });
    const themeId = new Map(data.themes.map((t, i) => [t.key, idAt(themeRows, i)]));

    const groupRows = await tx
      .insert(s.groups)
      .values(data.groups.map((g) => ({ tourId, ...g })))
      .returning({ id: s.groups.id });
    const groupId = new Map(data.groups.map((g, i) => [g.code, idAt(groupRows, i)]));

    const outletRows = await tx
      .insert(s.outlets)
      .values(
        data.outlets.map((o) => ({
          tourId,
          nameZh: o.nameZh,
          nameEn: o.nameEn,
          countryCode: o.country,
          mediaType: o.mediaType,
          website: o.website,
          searchText: searchTextOf(o.nameZh, o.nameEn),
        })),
      )
      .returning({ id: s.outlets.id });

    const outletThemeValues = data.outlets.flatMap((o, i) =>
      o.themes.map((key) => ({
        tourId,
        outletId: idAt(outletRows, i),
        themeId: mustGet(themeId, key, 'theme'),
      })),
    );
    await tx.insert(s.outletThemes).values(outletThemeValues);

    const people = data.outlets.flatMap((o, i) =>
      o.delegates.map((d) => ({ ...d, outletId: idAt(outletRows, i) })),
    );
    const delegateRows = await tx
      .insert(s.delegates)
      .values(
        people.map(({ group: _group, passportNumber, ...d }) => ({
          ...d,
          tourId,
          passportNumberEnc: encryptPassport(passportNumber),
          searchText: searchTextOf(d.nameZh, d.nameEn, d.passportName, d.email),
        })),
      )
      .returning({ id: s.delegates.id });
    await tx.insert(s.groupMembers).values(
      people.map((d, i) => ({
        tourId,
        groupId: mustGet(groupId, d.group, 'group'),
        delegateId: idAt(delegateRows, i),
      })),
    );

    const days = data.visits.map((v) => localInstant(data.tour, v.day, v.start));
    const visitRows = await tx
      .insert(s.visits)
      .values(
        data.visits.map((v, i) => ({
          tourId,
          kind: v.kind,
          titleZh: v.titleZh,
          titleEn: v.titleEn,
          siteId: v.site ? mustGet(siteId, v.site, 'site') : null,
          cityId: mustGet(cityId, v.city, 'city'),
          fromCityId: v.fromCity ? mustGet(cityId, v.fromCity, 'city') : null,
          startsAt: days[i] as Date,
          endsAt: localInstant(data.tour, v.day, v.end),
          notesZh: v.notesZh,
          notesEn: v.notesEn,
        })),
      )
      .returning({ id: s.visits.id });
    await tx.insert(s.visitGroups).values(
      data.visits.flatMap((v, i) =>
        v.groups.map((code) => ({
          tourId,
          visitId: idAt(visitRows, i),
          groupId: mustGet(groupId, code, 'group'),
        })),
      ),
    );

    // Two journalists of different outlets and groups, so each can be shown not to see the other.
    const first = people[0];
    const secondIndex = people.findIndex(
      (p) => p.outletId !== first?.outletId && p.group !== first?.group,
    );
    if (!first || secondIndex < 0) throw new Error('Seed: the demo data needs two groups');
    const passwordHash = await hashPassword(demoPassword);
    const accounts = [
      { email: demoAccounts.organizer, displayName: 'Demo organizer', role: 'organizer' as const },
      {
        email: demoAccounts.coordinator,
        displayName: 'Demo coordinator',
        role: 'coordinator' as const,
      },
      {
        email: demoAccounts.journalist,
        displayName: first.nameEn,
        role: 'journalist' as const,
        tourId,
        delegateId: idAt(delegateRows, 0),
      },
      {
        email: demoAccounts.journalist2,
        displayName: people[secondIndex]?.nameEn ?? null,
        role: 'journalist' as const,
        tourId,
        delegateId: idAt(delegateRows, secondIndex),
      },
    ];
    // A second tour loaded beside the first keeps the accounts it finds (and their links).
    const created = await tx
      .insert(s.users)
      .values(
        accounts.map((a) => ({
          ...a,
          passwordHash,
          searchText: searchTextOf(a.email, a.displayName),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: s.users.id, email: s.users.email });
    const coordinator = created.find((u) => u.email === demoAccounts.coordinator);
    if (coordinator) await tx.insert(s.tourStaff).values({ tourId, userId: coordinator.id });

    return { tourId };
  });
}

function mustGet<V>(map: Map<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed: unknown ${what} "${key}"`);
  return value;
}

function idAt(rows: { id: string }[], i: number): string {
  const row = rows[i];
  if (!row) throw new Error(`Seed: row ${i} was not returned`);
  return row.id;
}
