import 'server-only';
import { and, eq } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { groupMembers, groups } from '@/db/schema';
import { queryOwnProgramme } from './programme';
import type { SelfScope } from './scope';
import { queryTour } from './tours';

/** A journalist's own programme: the visits of their group, in their tour, and nothing else. */
export async function queryOwnItinerary(db: Db, scope: SelfScope) {
  const tour = await queryTour(db, scope);
  if (!tour) return null;
  const [memberships, visits] = await Promise.all([
    db
      .select({
        groupId: groups.id,
        code: groups.code,
        nameZh: groups.nameZh,
        nameEn: groups.nameEn,
      })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(
        and(eq(groupMembers.tourId, scope.tourId), eq(groupMembers.delegateId, scope.delegateId)),
      ),
    queryOwnProgramme(db, scope),
  ]);
  return { tour, groups: memberships, visits };
}

export async function getOwnItinerary(scope: SelfScope) {
  return queryOwnItinerary(await getDb(), scope);
}
