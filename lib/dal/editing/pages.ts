import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db';
import { outlets } from '@/db/schema';
import { canEditReference, canManageTours, type Viewer } from '@/lib/auth/permissions';
import { filterMenuLimit } from '../groups';
import { refuse } from '../guards';
import type { TourScope } from '../scope';
import { requireViewer } from '../viewer';
import { queryDelegateForEdit, queryGroupsForEdit } from './delegates';
import { queryCoverage, queryOutletForEdit } from './outlets';
import { queryCities, queryCountries, querySites, queryTravelTimes } from './reference';
import { queryTourSettings } from './tours';

// Readers for the editing pages, each bound to the process's database.

/** The new-tour page: organizers only; anyone else gets a logged 404. */
export async function requireTourCreator(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!canManageTours(viewer)) return refuse(viewer);
  return viewer;
}

/** Cities, sites and travel times: any staff member. */
export async function requireReferenceEditor(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!canEditReference(viewer)) return refuse(viewer);
  return viewer;
}

export const getTourSettings = cache(async (scope: TourScope) =>
  queryTourSettings(await getDb(), scope),
);
export const getCountries = cache(async () => queryCountries(await getDb()));
export const getOutletForEdit = cache(async (scope: TourScope, id: string) =>
  queryOutletForEdit(await getDb(), scope, id),
);
export const getDelegateForEdit = cache(async (scope: TourScope, id: string) =>
  queryDelegateForEdit(await getDb(), scope, id),
);
export const getGroupsForEdit = cache(async (scope: TourScope, q?: string) =>
  queryGroupsForEdit(await getDb(), scope, q),
);
export const getCities = cache(async () => queryCities(await getDb()));
export const getSites = cache(async () => querySites(await getDb()));
export const getTravelTimes = cache(async () => queryTravelTimes(await getDb()));

/** The tour's outlets for a menu; null when there are more than a menu should hold. */
export const getOutletMenu = cache(async (scope: TourScope) => {
  const rows = await (await getDb())
    .select({ id: outlets.id, nameZh: outlets.nameZh, nameEn: outlets.nameEn })
    .from(outlets)
    .where(and(eq(outlets.tourId, scope.tourId), isNull(outlets.archivedAt)))
    .orderBy(asc(outlets.nameEn))
    .limit(filterMenuLimit * 10 + 1);
  return rows.length > filterMenuLimit * 10 ? null : rows;
});
export const getCoverage = cache(async (scope: TourScope, page: number | undefined) =>
  queryCoverage(await getDb(), scope, page ?? 1),
);
