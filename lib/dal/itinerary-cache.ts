import 'server-only';
import { getDb } from '@/db';
import { isChinese } from '@/lib/i18n/locales';
import { shownInScript } from '@/lib/i18n/script';
import {
  type ItineraryGroup,
  type ItineraryVisit,
  ownGroupsEntry,
  queryAttendingOutlets,
  queryGroupsProgramme,
} from './itinerary';
import type { SelfScope, TourScope } from './scope';
import { cachedTourRead } from './tour-cache';

// A group's programme is read on every open of every member's itinerary (and a phone reloads it
// often), but changes a few times a day: it is kept with the tour's other reads until the tour
// changes (lib/dal/tour-cache.ts). Access is decided before: callers hold a scope, and the key is
// the set of groups read from the database for it.

export interface GroupProgramme {
  visits: ItineraryVisit[];
  /** The outlets attending each visit, and those of the groups themselves (ownGroupsKey). */
  outlets: Map<string, { nameZh: string; nameEn: string }[]>;
  /** The latest change to any of the visits: nothing newer, nothing to mark. */
  lastChange: number;
}

async function load(scope: SelfScope | TourScope, groupList: ItineraryGroup[]) {
  const db = await getDb();
  const visits = await queryGroupsProgramme(db, scope, groupList);
  const outlets = await queryAttendingOutlets(db, scope, [...visits, ownGroupsEntry(groupList)]);
  const lastChange = Math.max(0, ...visits.map((v) => v.updatedAt.getTime()));
  return { visits, outlets, lastChange };
}

/**
 * The groups' visits in full, with who attends each, their Chinese in the reader's script: from
 * memory when nothing changed. Each script's copy is converted once per change of the tour.
 */
export function getGroupProgramme(
  scope: SelfScope | TourScope,
  groupList: ItineraryGroup[],
  locale: string,
): Promise<GroupProgramme> {
  const groupIds = groupList.map((g) => g.id).sort();
  const stored = () =>
    cachedTourRead(scope, ['groupProgramme', groupIds], () => load(scope, groupList));
  if (!isChinese(locale)) return stored();
  return cachedTourRead(scope, ['groupProgramme', groupIds, locale], async () =>
    shownInScript(locale, await stored()),
  );
}
