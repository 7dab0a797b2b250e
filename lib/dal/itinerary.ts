import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import { type Db, getDb } from '@/db';
import { groupMembers, groups, visitGroups } from '@/db/schema';
import type { Viewer } from '@/lib/auth/permissions';
import { queryProgramme } from './programme';
import { queryTour } from './tours';

/** A journalist's own programme: the visits of their group, in their tour, and nothing else. */
export async function queryOwnItinerary(db: Db, viewer: Viewer) {
  if (viewer.role !== 'journalist' || !viewer.tourId || !viewer.delegateId) return null;
  const { tourId, delegateId } = viewer;
  const tour = await queryTour(db, { tourId });
  if (!tour) return null;
  const memberships = await db
    .select({ groupId: groups.id, code: groups.code, nameZh: groups.nameZh, nameEn: groups.nameEn })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.tourId, tourId), eq(groupMembers.delegateId, delegateId)));
  const groupIds = memberships.map((m) => m.groupId);
  const visitIds = groupIds.length
    ? new Set(
        (
          await db
            .select({ visitId: visitGroups.visitId })
            .from(visitGroups)
            .where(and(eq(visitGroups.tourId, tourId), inArray(visitGroups.groupId, groupIds)))
        ).map((r) => r.visitId),
      )
    : new Set<string>();
  const programme = (await queryProgramme(db, { tourId })).filter((v) => visitIds.has(v.id));
  return { tour, groups: memberships, visits: programme };
}

export const getOwnItinerary = cache(async (viewer: Viewer) =>
  queryOwnItinerary(await getDb(), viewer),
);
