import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { groups } from '@/db/schema';
import { findProblems } from '@/lib/schedule/problems';
import { loadPlanContext, loadPlanVisits } from './schedule-context';
import type { TourScope } from './scope';
import { cachedTourRead } from './tour-cache';

/** Every current problem of the tour, by day, with the names the messages need. */
export function getTourProblems(scope: TourScope) {
  // Finding them reads and checks the whole tour: kept until the tour changes.
  return cachedTourRead(scope, ['problems'], () => findTourProblems(scope));
}

async function findTourProblems(scope: TourScope) {
  const db = await getDb();
  const [context, plan, groupRows] = await Promise.all([
    loadPlanContext(db, scope),
    loadPlanVisits(db, scope),
    db
      .select({ id: groups.id, code: groups.code })
      .from(groups)
      .where(eq(groups.tourId, scope.tourId))
      .orderBy(asc(groups.code)),
  ]);
  const problems = findProblems(plan, context);
  const byDay = new Map<string, typeof problems>();
  for (const p of problems) byDay.set(p.day, [...(byDay.get(p.day) ?? []), p]);
  const titles = new Map(plan.map((v) => [v.id, { zh: v.titleZh, en: v.titleEn }]));
  return {
    byDay,
    total: problems.length,
    titles,
    groupCodes: new Map(groupRows.map((g) => [g.id, g.code])),
  };
}
