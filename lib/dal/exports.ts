import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  cities,
  countries,
  coverageThemes,
  delegates,
  groupMembers,
  groups,
  outlets,
  outletThemes,
  regions,
  sites,
  visitGroups,
  visits,
} from '@/db/schema';
import { canSeeSensitive } from '@/lib/auth/permissions';
import { decryptPassport } from '@/lib/crypto/passport';
import type { DelegateRecord, SensitiveChoice } from '@/lib/exports/delegates';
import type { ManifestPerson, ManifestVisit } from '@/lib/exports/manifest';
import type { ProgrammeVisit } from '@/lib/exports/programme';
import { isChinese } from '@/lib/i18n/locales';
import { nextDateKey, zonedInstant } from '@/lib/time';
import { recordAudit } from './audit';
import { type DelegateFilters, filterConditions, nationalities, withJoins } from './delegates';
import type { TourScope } from './scope';

// What the exports read: every query filtered by the tour of the scope, sensitive columns read
// only when the viewer may see them and asked for them, and every export that holds them an
// audit entry (who, what, which filters, how many rows).

export interface DelegateExportFilters extends DelegateFilters {
  country?: string | undefined;
  theme?: string | undefined;
  /** With `date`: who is in this city (code) on that day, by their group's visits. */
  city?: string | undefined;
  date?: string | undefined;
}

export interface ExportOrigin {
  ip: string | null;
  format: string;
}

/** What an export may hold: the viewer's ticks, cut to what the viewer may see. */
export function allowedSensitive(scope: TourScope, asked: SensitiveChoice): SensitiveChoice {
  const may = canSeeSensitive(scope.viewer);
  return {
    passport: may && asked.passport,
    nationality: may && asked.nationality,
    dob: may && asked.dob,
  };
}

async function auditSensitive(
  db: Db,
  scope: TourScope,
  entry: { what: string; target: string; filters: object; rows: number; columns: string[] },
  origin: ExportOrigin,
) {
  await recordAudit(db, {
    action: 'export.sensitive',
    userId: scope.viewer.userId,
    actorEmail: scope.viewer.email,
    tourId: scope.tourId,
    target: entry.target,
    ip: origin.ip,
    detail: {
      export: entry.what,
      format: origin.format,
      filters: entry.filters,
      rows: entry.rows,
      columns: entry.columns,
    },
  });
}

function dayBounds(date: string, timeZone: string) {
  return {
    from: zonedInstant(date, '00:00', timeZone),
    to: zonedInstant(nextDateKey(date), '00:00', timeZone),
  };
}

function extraConditions(
  tourId: string,
  f: DelegateExportFilters,
  timeZone: string,
): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [
    f.country ? eq(outlets.countryCode, f.country.toUpperCase()) : undefined,
    f.theme
      ? sql`exists (select 1 from ${outletThemes} where ${outletThemes.tourId} = ${tourId} and ${outletThemes.outletId} = ${outlets.id} and ${outletThemes.themeId} = ${f.theme})`
      : undefined,
  ];
  if (f.city || f.date) {
    const day = f.date ? dayBounds(f.date, timeZone) : null;
    // Where the person's group is on that day: a visit (not cancelled) in that city.
    where.push(sql`exists (
      select 1 from ${visitGroups}
      join ${visits} on ${visits.tourId} = ${visitGroups.tourId} and ${visits.id} = ${visitGroups.visitId}
      left join ${cities} on ${cities.id} = ${visits.cityId}
      where ${visitGroups.tourId} = ${tourId}
        and ${visitGroups.groupId} = ${groupMembers.groupId}
        and not ${visits.cancelled}
        ${f.city ? sql`and ${cities.code} = ${f.city}` : sql``}
        ${day ? sql`and ${visits.startsAt} < ${day.to.toISOString()}::timestamptz and ${visits.endsAt} > ${day.from.toISOString()}::timestamptz` : sql``})`);
  }
  return where;
}

/** The delegation list of a tour, filtered, with the sensitive columns allowed and asked for. */
export async function queryDelegateExport(
  db: Db,
  scope: TourScope,
  input: {
    filters: DelegateExportFilters;
    sensitive: SensitiveChoice;
    timeZone: string;
    origin: ExportOrigin;
  },
): Promise<{ records: DelegateRecord[]; sensitive: SensitiveChoice }> {
  const sensitive = allowedSensitive(scope, input.sensitive);
  const where = and(
    ...filterConditions(scope.tourId, input.filters),
    ...extraConditions(scope.tourId, input.filters, input.timeZone),
  );
  const rows = await withJoins(
    db
      .select({
        nameZh: delegates.nameZh,
        nameEn: delegates.nameEn,
        passportName: delegates.passportName,
        role: delegates.role,
        groupCode: groups.code,
        phone: delegates.phone,
        email: delegates.email,
        dietaryNeeds: delegates.dietaryNeeds,
        accessNeeds: delegates.accessNeeds,
        outletId: outlets.id,
        // Never read unless the export may hold them: what is not read cannot leak into a file.
        ...(sensitive.passport
          ? {
              passportNumberEnc: delegates.passportNumberEnc,
              passportExpiry: delegates.passportExpiry,
            }
          : {}),
        ...(sensitive.nationality
          ? { nationalityZh: nationalities.nameZh, nationalityEn: nationalities.nameEn }
          : {}),
        ...(sensitive.dob ? { dateOfBirth: delegates.dateOfBirth } : {}),
      })
      .from(delegates)
      .$dynamic(),
  )
    .where(where)
    .orderBy(
      asc(regions.sortOrder),
      asc(outlets.nameEn),
      asc(sql`coalesce(${delegates.nameEn}, ${delegates.passportName})`),
      asc(delegates.id),
    );
  // Themes by outlet, read once for the tour rather than once per person.
  const themeRows = await db
    .select({
      outletId: outletThemes.outletId,
      nameZh: coverageThemes.nameZh,
      nameEn: coverageThemes.nameEn,
    })
    .from(outletThemes)
    .innerJoin(
      coverageThemes,
      and(
        eq(coverageThemes.tourId, outletThemes.tourId),
        eq(coverageThemes.id, outletThemes.themeId),
      ),
    )
    .where(eq(outletThemes.tourId, scope.tourId))
    .orderBy(asc(coverageThemes.nameEn));
  // Outlet, country and region names once per outlet, not once per person: the rows stay narrow.
  const outletRows = await db
    .select({
      id: outlets.id,
      outletZh: outlets.nameZh,
      outletEn: outlets.nameEn,
      regionZh: regions.nameZh,
      regionEn: regions.nameEn,
      countryZh: countries.nameZh,
      countryEn: countries.nameEn,
    })
    .from(outlets)
    .innerJoin(countries, eq(countries.code, outlets.countryCode))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .where(eq(outlets.tourId, scope.tourId));
  const outletOf = new Map(outletRows.map(({ id, ...names }) => [id, names]));
  const themesOf = new Map<string, { zh: string[]; en: string[] }>();
  for (const t of themeRows) {
    const entry = themesOf.get(t.outletId) ?? { zh: [], en: [] };
    entry.zh.push(t.nameZh);
    entry.en.push(t.nameEn);
    themesOf.set(t.outletId, entry);
  }
  const records = rows.map((r) => {
    const { passportNumberEnc, outletId, ...rest } = r as typeof r & {
      passportNumberEnc?: string | null;
    };
    const themes = themesOf.get(outletId);
    const outlet = outletOf.get(outletId) ?? {
      outletZh: '',
      outletEn: '',
      regionZh: '',
      regionEn: '',
      countryZh: '',
      countryEn: '',
    };
    const record = {
      ...outlet,
      ...rest,
      themesZh: themes?.zh ?? [],
      themesEn: themes?.en ?? [],
    };
    return sensitive.passport
      ? { ...record, passportNumber: passportNumberEnc ? decryptPassport(passportNumberEnc) : null }
      : record;
  });
  if (sensitive.passport || sensitive.nationality || sensitive.dob) {
    await auditSensitive(
      db,
      scope,
      {
        what: 'delegates',
        target: 'delegates',
        filters: input.filters,
        rows: records.length,
        columns: Object.entries(sensitive)
          .filter(([, v]) => v)
          .map(([k]) => k),
      },
      input.origin,
    );
  }
  return { records, sensitive };
}

/** Names of the filters' values, for the title row of a delegation list. */
export async function describeDelegateFilters(
  db: Db,
  scope: TourScope,
  f: DelegateExportFilters,
  locale: string,
): Promise<[key: string, value: string][]> {
  const name = (r: { nameZh: string; nameEn: string } | undefined, fallback: string) =>
    r ? (isChinese(locale) ? r.nameZh : r.nameEn) : fallback;
  const words: [string, string][] = [];
  if (f.region) {
    const [r] = await db
      .select({ nameZh: regions.nameZh, nameEn: regions.nameEn })
      .from(regions)
      .where(eq(regions.code, f.region));
    words.push(['region', name(r, f.region)]);
  }
  if (f.country) {
    const [r] = await db
      .select({ nameZh: countries.nameZh, nameEn: countries.nameEn })
      .from(countries)
      .where(eq(countries.code, f.country.toUpperCase()));
    words.push(['country', name(r, f.country)]);
  }
  if (f.outlet) {
    const [r] = await db
      .select({ nameZh: outlets.nameZh, nameEn: outlets.nameEn })
      .from(outlets)
      .where(and(eq(outlets.tourId, scope.tourId), eq(outlets.id, f.outlet)));
    words.push(['outlet', name(r, '?')]);
  }
  if (f.outletQ) words.push(['outlet', f.outletQ]);
  if (f.group) {
    const [r] = await db
      .select({ nameZh: groups.code, nameEn: groups.code })
      .from(groups)
      .where(and(eq(groups.tourId, scope.tourId), eq(groups.id, f.group)));
    words.push(['group', name(r, '?')]);
  }
  if (f.groupQ) words.push(['group', f.groupQ]);
  if (f.theme) {
    const [r] = await db
      .select({ nameZh: coverageThemes.nameZh, nameEn: coverageThemes.nameEn })
      .from(coverageThemes)
      .where(and(eq(coverageThemes.tourId, scope.tourId), eq(coverageThemes.id, f.theme)));
    words.push(['themes', name(r, '?')]);
  }
  if (f.city) {
    const [r] = await db
      .select({ nameZh: cities.nameZh, nameEn: cities.nameEn })
      .from(cities)
      .where(eq(cities.code, f.city));
    words.push(['city', name(r, f.city)]);
  }
  if (f.date) words.push(['date', f.date]);
  if (f.role) words.push(['role', f.role]);
  if (f.q) words.push(['nameEn', f.q]);
  return words;
}

const manifestPersonColumns = (sensitive: boolean) => ({
  delegateId: delegates.id,
  passportName: delegates.passportName,
  nameZh: delegates.nameZh,
  sex: delegates.sex,
  outletZh: outlets.nameZh,
  outletEn: outlets.nameEn,
  role: delegates.role,
  pressCard: delegates.pressCard,
  phone: delegates.phone,
  groupVehicle: groups.vehicle,
  seat: groupMembers.seat,
  groupCode: groups.code,
  groupId: groups.id,
  dietaryNeeds: delegates.dietaryNeeds,
  accessNeeds: delegates.accessNeeds,
  arrivesAt: delegates.arrivesAt,
  departsAt: delegates.departsAt,
  ...(sensitive
    ? {
        dateOfBirth: delegates.dateOfBirth,
        nationalityZh: nationalities.nameZh,
        nationalityEn: nationalities.nameEn,
        passportNumberEnc: delegates.passportNumberEnc,
        passportExpiry: delegates.passportExpiry,
      }
    : {}),
});

/** The members of some groups of the tour, with their outlet and seat. */
async function membersOf(db: Db, scope: TourScope, groupIds: string[], sensitive: boolean) {
  if (!groupIds.length) return [];
  const rows = await db
    .select(manifestPersonColumns(sensitive))
    .from(groupMembers)
    .innerJoin(
      groups,
      and(eq(groups.tourId, groupMembers.tourId), eq(groups.id, groupMembers.groupId)),
    )
    .innerJoin(
      delegates,
      and(eq(delegates.tourId, groupMembers.tourId), eq(delegates.id, groupMembers.delegateId)),
    )
    .innerJoin(
      outlets,
      and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
    )
    .leftJoin(nationalities, eq(nationalities.code, delegates.nationality))
    .where(
      and(
        eq(groupMembers.tourId, scope.tourId),
        inArray(groupMembers.groupId, groupIds),
        isNull(delegates.archivedAt),
      ),
    )
    .orderBy(asc(groups.code), asc(delegates.passportName), asc(delegates.id));
  return rows.map((r) => {
    const { passportNumberEnc, ...rest } = r as typeof r & { passportNumberEnc?: string | null };
    return {
      ...rest,
      ...(sensitive
        ? { passportNumber: passportNumberEnc ? decryptPassport(passportNumberEnc) : null }
        : {}),
    };
  });
}

async function visitsWithPlaces(db: Db, scope: TourScope, where: SQL | undefined) {
  return db
    .select({
      id: visits.id,
      kind: visits.kind,
      titleZh: visits.titleZh,
      titleEn: visits.titleEn,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      siteZh: sites.nameZh,
      siteEn: sites.nameEn,
      addressZh: sites.addressZh,
      addressEn: sites.addressEn,
      cityZh: cities.nameZh,
      cityEn: cities.nameEn,
      vehicle: visits.vehicle,
      hostContactName: sql<
        string | null
      >`coalesce(${visits.hostContactName}, ${sites.hostContactName})`,
      hostContactPhone: sql<
        string | null
      >`coalesce(${visits.hostContactPhone}, ${sites.hostContactPhone})`,
      escortName: visits.escortName,
      escortPhone: visits.escortPhone,
      notesZh: visits.notesZh,
      notesEn: visits.notesEn,
      cancelled: visits.cancelled,
      version: visits.version,
      updatedAt: visits.updatedAt,
    })
    .from(visits)
    .leftJoin(sites, eq(sites.id, visits.siteId))
    .leftJoin(cities, eq(cities.id, visits.cityId))
    .where(and(eq(visits.tourId, scope.tourId), where))
    .orderBy(asc(visits.startsAt), asc(visits.endsAt), asc(visits.titleEn), asc(visits.id));
}

async function groupsOfVisits(db: Db, scope: TourScope, visitIds: string[]) {
  if (!visitIds.length) return [];
  return db
    .select({
      visitId: visitGroups.visitId,
      groupId: groups.id,
      code: groups.code,
      vehicle: groups.vehicle,
    })
    .from(visitGroups)
    .innerJoin(
      groups,
      and(eq(groups.tourId, visitGroups.tourId), eq(groups.id, visitGroups.groupId)),
    )
    .where(and(eq(visitGroups.tourId, scope.tourId), inArray(visitGroups.visitId, visitIds)))
    .orderBy(asc(groups.code));
}

function toPerson(
  m: Awaited<ReturnType<typeof membersOf>>[number],
  vehicle: string | null,
): ManifestPerson {
  const {
    delegateId: _d,
    groupVehicle: _g,
    groupId: _i,
    arrivesAt: _a,
    departsAt: _x,
    ...rest
  } = m;
  return { ...rest, vehicle };
}

/** One visit's people for the host's check-in; null when the visit is not in this tour. */
export async function queryVisitManifest(
  db: Db,
  scope: TourScope,
  input: { visitId: string; sensitive: boolean; origin: ExportOrigin },
): Promise<{
  visit: ManifestVisit & { id: string };
  people: ManifestPerson[];
  sensitive: boolean;
} | null> {
  const sensitive = canSeeSensitive(scope.viewer) && input.sensitive;
  const [visit] = await visitsWithPlaces(db, scope, eq(visits.id, input.visitId));
  if (!visit) return null;
  const attending = await groupsOfVisits(db, scope, [visit.id]);
  const members = await membersOf(
    db,
    scope,
    attending.map((g) => g.groupId),
    sensitive,
  );
  // Someone who arrives after the visit or leaves before it is not at the door.
  const present = members.filter(
    (m) =>
      (!m.arrivesAt || m.arrivesAt < visit.endsAt) &&
      (!m.departsAt || m.departsAt > visit.startsAt),
  );
  const people = present.map((m) => toPerson(m, visit.vehicle ?? m.groupVehicle));
  const vehicles = visit.vehicle
    ? [visit.vehicle]
    : [...new Set(attending.map((g) => g.vehicle).filter((v): v is string => Boolean(v)))];
  if (sensitive) {
    await auditSensitive(
      db,
      scope,
      {
        what: 'manifest',
        target: `visit:${visit.id}`,
        filters: { visit: visit.id },
        rows: people.length,
        columns: ['passport', 'nationality', 'dob'],
      },
      input.origin,
    );
  }
  return { visit: { ...visit, vehicles }, people, sensitive };
}

/**
 * A day's list for one group (by code) or one vehicle: the visits of that day and the people,
 * each once. Null when the group does not exist in this tour.
 */
export async function queryDayList(
  db: Db,
  scope: TourScope,
  input: {
    date: string;
    timeZone: string;
    group?: string | undefined;
    vehicle?: string | undefined;
    sensitive: boolean;
    origin: ExportOrigin;
  },
) {
  const sensitive = canSeeSensitive(scope.viewer) && input.sensitive;
  const day = dayBounds(input.date, input.timeZone);
  const dayVisits = await visitsWithPlaces(
    db,
    scope,
    and(lt(visits.startsAt, day.to), gt(visits.endsAt, day.from)),
  );
  const attending = await groupsOfVisits(
    db,
    scope,
    dayVisits.map((v) => v.id),
  );
  const byId = new Map(dayVisits.map((v) => [v.id, v]));
  let chosen: { visitId: string; groupId: string; vehicle: string | null }[];
  if (input.group) {
    const [group] = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.tourId, scope.tourId), eq(groups.code, input.group)));
    if (!group) return null;
    chosen = attending
      .filter((a) => a.groupId === group.id)
      .map((a) => ({ ...a, vehicle: byId.get(a.visitId)?.vehicle ?? a.vehicle }));
    if (!chosen.length) {
      // A group with nothing that day still has its people.
      chosen = [{ visitId: '', groupId: group.id, vehicle: null }];
    }
  } else {
    chosen = attending
      .map((a) => ({ ...a, vehicle: byId.get(a.visitId)?.vehicle ?? a.vehicle }))
      .filter((a) => a.vehicle === input.vehicle && !byId.get(a.visitId)?.cancelled);
  }
  const visitIds = new Set(chosen.map((c) => c.visitId));
  const groupIds = [...new Set(chosen.map((c) => c.groupId))];
  const vehicleOf = new Map(chosen.map((c) => [c.groupId, c.vehicle]));
  const members = await membersOf(db, scope, groupIds, sensitive);
  const people = members.map((m) =>
    toPerson(m, input.vehicle ?? vehicleOf.get(m.groupId) ?? m.groupVehicle),
  );
  const dayVisitsChosen = dayVisits
    .filter((v) => visitIds.has(v.id))
    .map((v) => ({ ...v, vehicles: v.vehicle ? [v.vehicle] : [] }));
  if (sensitive) {
    await auditSensitive(
      db,
      scope,
      {
        what: 'day',
        target: input.group ? `group:${input.group}` : `vehicle:${input.vehicle}`,
        filters: { date: input.date, group: input.group, vehicle: input.vehicle },
        rows: people.length,
        columns: ['passport', 'nationality', 'dob'],
      },
      input.origin,
    );
  }
  return { visits: dayVisitsChosen, people, sensitive };
}

/** Every visit of the tour, day by day, with who attends. */
export async function queryProgrammeExport(db: Db, scope: TourScope): Promise<ProgrammeVisit[]> {
  const list = await visitsWithPlaces(db, scope, undefined);
  const attending = await groupsOfVisits(
    db,
    scope,
    list.map((v) => v.id),
  );
  const codes = new Map<string, string[]>();
  for (const a of attending) codes.set(a.visitId, [...(codes.get(a.visitId) ?? []), a.code]);
  return list.map((v) => ({ ...v, groups: codes.get(v.id) ?? [] }));
}
