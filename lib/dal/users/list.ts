import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { delegates, outlets, tourStaff, tours, users } from '@/db/schema';
import type { Role, Viewer } from '@/lib/auth/permissions';
import { likePattern, searchWords } from '@/lib/search';
import { assertCanManageUsers } from './common';
import { queryDelegatesWithoutAccount } from './without-account';

// Each account row carries its actions, so a page holds fewer rows than the read-only lists.
export const userPageSize = 30;

export interface UserFilters {
  q?: string | undefined;
  role?: Role | undefined;
  /** 1-based. */
  page?: number | undefined;
}

/**
 * One page of accounts, searched (email, display name, delegate's names in any script), filtered
 * by role and counted in SQL; never a password hash. Journalists come with their delegate,
 * coordinators with their tours.
 */
export async function listUsers(db: Db, viewer: Viewer, filters: UserFilters = {}) {
  assertCanManageUsers(viewer);
  const where = and(
    filters.role ? eq(users.role, filters.role) : undefined,
    ...searchWords(filters.q).map(
      (w) =>
        sql`(${users.searchText} like ${likePattern(w)} or coalesce(${delegates.searchText}, '') like ${likePattern(w)})`,
    ),
  );
  const from = () =>
    db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        disabled: users.disabled,
        createdAt: users.createdAt,
        tourId: users.tourId,
        tourZh: tours.nameZh,
        tourEn: tours.nameEn,
        delegateId: users.delegateId,
        delegateZh: delegates.nameZh,
        delegateEn: delegates.nameEn,
        passportName: delegates.passportName,
        outletZh: outlets.nameZh,
        outletEn: outlets.nameEn,
      })
      .from(users)
      .leftJoin(tours, eq(tours.id, users.tourId))
      .leftJoin(
        delegates,
        and(eq(delegates.tourId, users.tourId), eq(delegates.id, users.delegateId)),
      )
      .leftJoin(
        outlets,
        and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
      );
  const [totalRow] = await db
    .select({ n: count() })
    .from(users)
    .leftJoin(
      delegates,
      and(eq(delegates.tourId, users.tourId), eq(delegates.id, users.delegateId)),
    )
    .where(where);
  const total = totalRow?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / userPageSize));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const rows = await from()
    .where(where)
    .orderBy(asc(users.role), asc(users.email))
    .limit(userPageSize)
    .offset((page - 1) * userPageSize);
  const coordinatorIds = rows.filter((r) => r.role === 'coordinator').map((r) => r.id);
  const staff = coordinatorIds.length
    ? await db
        .select({
          userId: tourStaff.userId,
          id: tours.id,
          nameZh: tours.nameZh,
          nameEn: tours.nameEn,
        })
        .from(tourStaff)
        .innerJoin(tours, eq(tours.id, tourStaff.tourId))
        .where(inArray(tourStaff.userId, coordinatorIds))
        .orderBy(desc(tours.startDate))
    : [];
  return {
    total,
    page,
    pages,
    users: rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.displayName,
      role: r.role,
      disabled: r.disabled,
      createdAt: r.createdAt,
      journalist:
        r.role === 'journalist' && r.tourId && r.delegateId
          ? {
              tourId: r.tourId,
              tourZh: r.tourZh,
              tourEn: r.tourEn,
              delegateId: r.delegateId,
              nameZh: r.delegateZh,
              nameEn: r.delegateEn ?? r.passportName,
              outletZh: r.outletZh,
              outletEn: r.outletEn,
            }
          : null,
      tours: staff
        .filter((s) => s.userId === r.id)
        .map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    })),
  };
}

export type AdminUser = Awaited<ReturnType<typeof listUsers>>['users'][number];

/** Tours for the admin menus, with how many delegates still have no account. */
export async function listToursForAdmin(db: Db, viewer: Viewer) {
  assertCanManageUsers(viewer);
  return db
    .select({
      id: tours.id,
      nameZh: tours.nameZh,
      nameEn: tours.nameEn,
      startDate: tours.startDate,
      waiting: sql<number>`(select count(*)::int from delegates d where d.tour_id = "tours"."id" and d.archived_at is null and not exists (select 1 from users u where u.delegate_id = d.id))`,
      withoutEmail: sql<number>`(select count(*)::int from delegates d where d.tour_id = "tours"."id" and d.archived_at is null and coalesce(trim(d.email), '') = '' and not exists (select 1 from users u where u.delegate_id = d.id))`,
    })
    .from(tours)
    .where(isNull(tours.archivedAt))
    .orderBy(desc(tours.startDate), asc(tours.nameEn));
}

export type AdminTour = Awaited<ReturnType<typeof listToursForAdmin>>[number];

/**
 * Delegates of one tour without an account, matching a search: the delegate picker asks for
 * them as the organizer types, 20 at a time, instead of the page sending every delegate.
 */
export async function searchDelegatesWithoutAccount(
  db: Db,
  viewer: Viewer,
  { tourId, q, limit = 20 }: { tourId: string; q?: string | undefined; limit?: number },
) {
  assertCanManageUsers(viewer);
  return queryDelegatesWithoutAccount(db, { tourId, q, limit: Math.min(limit, 50) });
}

export type DelegateOption = Awaited<ReturnType<typeof searchDelegatesWithoutAccount>>[number];

/** What the user-management page shows: one page of accounts, and the tours for its menus. */
export async function getUserAdminPage(viewer: Viewer, filters: UserFilters) {
  const db = await getDb();
  const [list, tours] = await Promise.all([
    listUsers(db, viewer, filters),
    listToursForAdmin(db, viewer),
  ]);
  return { list, tours };
}
