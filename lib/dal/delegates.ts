import 'server-only';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { type Db, getDb } from '@/db';
import { countries, delegates, groupMembers, groups, outlets, regions, tours } from '@/db/schema';
import { canSeeSensitive } from '@/lib/auth/permissions';
import { decryptPassport, maskPassport } from '@/lib/crypto/passport';
import { likePattern, searchWords } from '@/lib/search';
import { recordAudit } from './audit';
import { filterMenuLimit } from './groups';
import { fromJson } from './json-column';
import { clientIp } from './request';
import type { SelfScope, TourScope } from './scope';
import { cachedTourRead } from './tour-cache';

export const delegateSorts = ['name', 'outlet', 'group'] as const;
export type DelegateSort = (typeof delegateSorts)[number];
export const delegatePageSize = 50;

export interface DelegateFilters {
  q?: string | undefined;
  outlet?: string | undefined;
  /** Words of the outlet's names, when the tour has too many outlets for a menu. */
  outletQ?: string | undefined;
  group?: string | undefined;
  /** Words of the group's code or names, when the tour has too many groups for a menu. */
  groupQ?: string | undefined;
  role?: (typeof delegates.$inferSelect)['role'] | undefined;
  region?: string | undefined;
  sort?: DelegateSort | undefined;
  /** 1-based. */
  page?: number | undefined;
}

const displayName = sql<string>`coalesce(${delegates.nameEn}, ${delegates.passportName})`;

export function filterConditions(tourId: string, f: DelegateFilters): (SQL | undefined)[] {
  return [
    eq(delegates.tourId, tourId),
    isNull(delegates.archivedAt),
    f.outlet ? eq(delegates.outletId, f.outlet) : undefined,
    f.group ? eq(groupMembers.groupId, f.group) : undefined,
    ...searchWords(f.outletQ).map((w) => sql`${outlets.searchText} like ${likePattern(w)}`),
    ...searchWords(f.groupQ).map(
      (w) =>
        sql`lower(${groups.code} || ' ' || ${groups.nameEn} || ' ' || ${groups.nameZh}) like ${likePattern(w)}`,
    ),
    f.role ? eq(delegates.role, f.role) : undefined,
    f.region ? eq(regions.code, f.region) : undefined,
    // Names in any script, folded as they were stored (lib/search.ts), and the outlet's names.
    ...searchWords(f.q).map(
      (w) =>
        sql`(${delegates.searchText} like ${likePattern(w)} or ${outlets.searchText} like ${likePattern(w)})`,
    ),
  ];
}

export const nationalities = alias(countries, 'nationalities');

/** The joins every delegate query shares: outlet, its region, group, nationality. */
export function withJoins<T extends PgSelect>(qb: T) {
  return qb
    .innerJoin(
      outlets,
      and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
    )
    .innerJoin(countries, eq(countries.code, outlets.countryCode))
    .innerJoin(regions, eq(regions.id, countries.regionId))
    .leftJoin(
      groupMembers,
      and(eq(groupMembers.tourId, delegates.tourId), eq(groupMembers.delegateId, delegates.id)),
    )
    .leftJoin(groups, eq(groups.id, groupMembers.groupId))
    .leftJoin(nationalities, eq(nationalities.code, delegates.nationality));
}

/**
 * One page of a tour's delegates for its staff: searched, filtered, sorted and counted in SQL, so
 * a tour of 10,000 people sends 50 rows. Passport numbers are masked here for everyone; an
 * organizer reads one whole on the delegate's own page (and that read is audited).
 */
export async function queryDelegates(db: Db, scope: TourScope, filters: DelegateFilters = {}) {
  const where = and(...filterConditions(scope.tourId, filters));
  const order =
    filters.sort === 'outlet'
      ? [asc(outlets.nameEn), asc(displayName)]
      : filters.sort === 'group'
        ? [sql`${groups.code} asc nulls last`, asc(displayName)]
        : [asc(displayName), asc(delegates.id)];
  // The page and the count in one query (a window count); a page past the end asks once more
  // for the last one.
  const pageOf = (page: number) =>
    withJoins(
      db
        .select({
          id: delegates.id,
          nameZh: delegates.nameZh,
          nameEn: delegates.nameEn,
          passportName: delegates.passportName,
          role: delegates.role,
          phone: delegates.phone,
          outletZh: outlets.nameZh,
          outletEn: outlets.nameEn,
          groupCode: groups.code,
          passportNumberEnc: delegates.passportNumberEnc,
          total: sql<number>`(count(*) over ())::int`,
        })
        .from(delegates)
        .$dynamic(),
    )
      .where(where)
      .orderBy(...order)
      .limit(delegatePageSize)
      .offset((page - 1) * delegatePageSize);
  let page = Math.max(1, filters.page ?? 1);
  let rows = await pageOf(page);
  if (rows.length === 0 && page > 1) {
    const [counted] = await withJoins(
      db.select({ n: sql<number>`count(*)::int` }).from(delegates).$dynamic(),
    ).where(where);
    page = Math.max(1, Math.ceil((counted?.n ?? 0) / delegatePageSize));
    rows = await pageOf(page);
  }
  const total = rows[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / delegatePageSize));
  return {
    total,
    page,
    pages,
    rows: rows.map(({ passportNumberEnc, total: _total, ...r }) => ({
      ...r,
      passportMasked: passportNumberEnc ? maskPassport(decryptPassport(passportNumberEnc)) : null,
    })),
  };
}

export type DelegateListRow = Awaited<ReturnType<typeof queryDelegates>>['rows'][number];

/**
 * The menus of the delegates page in one query: the tour's outlets and groups (each null when
 * there are more than a menu should hold, so the page offers a search by name in its place), the
 * regions and countries its outlets come from, and the Export menu's themes and cities.
 */
export async function queryDelegateFilterOptions(db: Db, scope: TourScope) {
  const limit = filterMenuLimit + 1;
  const [row] = await db
    .select({
      outlets: sql<unknown>`(select coalesce(json_agg(json_build_object('id', o.id, 'nameZh', o.name_zh, 'nameEn', o.name_en) order by o.name_en), '[]') from (select id, name_zh, name_en from outlets where tour_id = ${scope.tourId} and archived_at is null order by name_en limit ${limit}) o)`,
      groups: sql<unknown>`(select coalesce(json_agg(json_build_object('id', g.id, 'code', g.code, 'nameZh', g.name_zh, 'nameEn', g.name_en) order by g.code), '[]') from (select id, code, name_zh, name_en from groups where tour_id = ${scope.tourId} order by code limit ${limit}) g)`,
      regions: sql<unknown>`(select coalesce(json_agg(json_build_object('code', r.code, 'nameZh', r.name_zh, 'nameEn', r.name_en) order by r.sort_order), '[]') from regions r where exists (select 1 from outlets o join countries c on c.code = o.country_code where o.tour_id = ${scope.tourId} and o.archived_at is null and c.region_id = r.id))`,
      countries: sql<unknown>`(select coalesce(json_agg(json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en) order by c.name_en), '[]') from countries c where exists (select 1 from outlets o where o.tour_id = ${scope.tourId} and o.archived_at is null and o.country_code = c.code))`,
      themes: sql<unknown>`(select coalesce(json_agg(json_build_object('id', t.id, 'nameZh', t.name_zh, 'nameEn', t.name_en) order by t.name_en), '[]') from (select id, name_zh, name_en from coverage_themes where tour_id = ${scope.tourId} order by name_en limit 200) t)`,
      cities: sql<unknown>`(select coalesce(json_agg(json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en) order by c.name_en), '[]') from (select code, name_zh, name_en from cities order by name_en limit 500) c)`,
    })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  type Named = { nameZh: string; nameEn: string };
  const outletRows = fromJson<(Named & { id: string })[]>(row?.outlets, []);
  const groupRows = fromJson<(Named & { id: string; code: string })[]>(row?.groups, []);
  return {
    outlets: outletRows.length > filterMenuLimit ? null : outletRows,
    groups: groupRows.length > filterMenuLimit ? null : groupRows,
    regions: fromJson<(Named & { code: string })[]>(row?.regions, []),
    countries: fromJson<(Named & { code: string })[]>(row?.countries, []),
    themes: fromJson<(Named & { id: string })[]>(row?.themes, []),
    cities: fromJson<(Named & { code: string })[]>(row?.cities, []),
  };
}

/**
 * One delegate's profile, for the tour's staff or the delegate themself; null for anyone else.
 * Contacts for staff and self; passport number (whole), nationality and dates for organizers,
 * and an organizer's read of a whole passport number is an audit entry.
 */
export async function queryDelegate(
  db: Db,
  scope: TourScope | SelfScope,
  delegateId: string,
  origin: { ip?: string | null } = {},
) {
  if ('delegateId' in scope && scope.delegateId !== delegateId) return null;
  const sensitive = canSeeSensitive(scope.viewer);
  const [row] = await withJoins(
    db
      .select({
        id: delegates.id,
        nameZh: delegates.nameZh,
        nameEn: delegates.nameEn,
        passportName: delegates.passportName,
        role: delegates.role,
        outletZh: outlets.nameZh,
        outletEn: outlets.nameEn,
        groupCode: groups.code,
        phone: delegates.phone,
        email: delegates.email,
        dietaryNeeds: delegates.dietaryNeeds,
        accessNeeds: delegates.accessNeeds,
        emergencyContactName: delegates.emergencyContactName,
        emergencyContactPhone: delegates.emergencyContactPhone,
        arrivesAt: delegates.arrivesAt,
        departsAt: delegates.departsAt,
        passportNumberEnc: delegates.passportNumberEnc,
        // Never selected unless the viewer may see them: what is not read cannot leak into a page.
        ...(sensitive
          ? {
              nationalityZh: nationalities.nameZh,
              nationalityEn: nationalities.nameEn,
              dateOfBirth: delegates.dateOfBirth,
              passportExpiry: delegates.passportExpiry,
            }
          : {}),
      })
      .from(delegates)
      .$dynamic(),
  ).where(and(eq(delegates.tourId, scope.tourId), eq(delegates.id, delegateId)));
  if (!row) return null;
  const { passportNumberEnc, ...rest } = row as typeof row & DelegateSensitive;
  const plain = passportNumberEnc ? decryptPassport(passportNumberEnc) : null;
  if (sensitive && plain) {
    await recordAudit(db, {
      action: 'passport.read',
      userId: scope.viewer.userId,
      actorEmail: scope.viewer.email,
      tourId: scope.tourId,
      target: delegateId,
      ip: origin.ip ?? null,
    });
  }
  return {
    ...rest,
    passport: sensitive ? { whole: plain } : { masked: maskPassport(plain) },
  };
}

// The columns only organizers get; optional in the row type because others never have them.
interface DelegateSensitive {
  nationalityZh?: string | null;
  nationalityEn?: string | null;
  dateOfBirth?: string | null;
  passportExpiry?: string | null;
}

export type DelegateProfile = NonNullable<Awaited<ReturnType<typeof queryDelegate>>>;

export function getDelegates(scope: TourScope, filters: DelegateFilters) {
  return cachedTourRead(scope, ['delegates', filters], async () =>
    queryDelegates(await getDb(), scope, filters),
  );
}
export function getDelegateFilterOptions(scope: TourScope) {
  return cachedTourRead(scope, ['delegateFilterOptions'], async () =>
    queryDelegateFilterOptions(await getDb(), scope),
  );
}
export async function getDelegate(scope: TourScope | SelfScope, delegateId: string) {
  return queryDelegate(await getDb(), scope, delegateId, { ip: await clientIp() });
}
