import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { groups } from '@/db/schema';
import type { TourScope } from './scope';

/** More choices than this and a menu is no help (and would weigh on every page): type instead. */
export const filterMenuLimit = 100;

/** The tour's groups for a filter menu; null when there are more than a menu should hold. */
export async function queryGroupMenu(db: Db, scope: TourScope) {
  const rows = await db
    .select({ id: groups.id, code: groups.code, nameZh: groups.nameZh, nameEn: groups.nameEn })
    .from(groups)
    .where(eq(groups.tourId, scope.tourId))
    .orderBy(asc(groups.code))
    .limit(filterMenuLimit + 1);
  return rows.length > filterMenuLimit ? null : rows;
}

/** A group of the tour by its code (as typed in a filter); null when there is none. */
export async function queryGroupByCode(db: Db, scope: TourScope, code: string) {
  const [row] = await db
    .select({ id: groups.id, code: groups.code, nameZh: groups.nameZh, nameEn: groups.nameEn })
    .from(groups)
    .where(and(eq(groups.tourId, scope.tourId), eq(groups.code, code)));
  return row ?? null;
}

export const getGroupMenu = cache(async (scope: TourScope) => queryGroupMenu(await getDb(), scope));
export const getGroupByCode = cache(async (scope: TourScope, code: string) =>
  queryGroupByCode(await getDb(), scope, code),
);
