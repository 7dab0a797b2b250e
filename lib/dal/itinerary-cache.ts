import 'server-only';
import { getDb } from '@/db';
import {
  type ItineraryGroup,
  type ItineraryVisit,
  ownGroupsEntry,
  queryAttendingOutlets,
  queryGroupsProgramme,
} from './itinerary';
import { subscribeToTour } from './live';
import type { SelfScope, TourScope } from './scope';

// A group's programme is read on every open of every member's itinerary (and a phone reloads it
// often), but changes a few times a day. It is kept here per tour and set of groups, dropped at
// once when a visit of the tour changes (the schedule's NOTIFY, which reaches every instance),
// and after a minute whatever happens, for what changes without a NOTIFY (a site's address, a
// delegate moved to another group, an outlet renamed). Access is decided before: callers hold
// a scope, and the key is the scope's tour and the groups read from the database for it.

const maxAgeMs = 60_000;
const maxEntries = 500;

export interface GroupProgramme {
  visits: ItineraryVisit[];
  /** The outlets attending each visit, and those of the groups themselves (ownGroupsKey). */
  outlets: Map<string, { nameZh: string; nameEn: string }[]>;
  /** The latest change to any of the visits: nothing newer, nothing to mark. */
  lastChange: number;
}

interface Entry {
  at: number;
  value: Promise<GroupProgramme>;
}

const store = globalThis as typeof globalThis & {
  __tourdeskItineraries?: { entries: Map<string, Entry>; watched: Map<string, Promise<unknown>> };
};

function state() {
  store.__tourdeskItineraries ??= { entries: new Map(), watched: new Map() };
  return store.__tourdeskItineraries;
}

function forgetTour(tourId: string) {
  const { entries } = state();
  for (const key of entries.keys()) if (key.startsWith(`${tourId}:`)) entries.delete(key);
}

async function load(scope: SelfScope | TourScope, groupList: ItineraryGroup[]) {
  const db = await getDb();
  const visits = await queryGroupsProgramme(db, scope, groupList);
  const outlets = await queryAttendingOutlets(db, scope, [...visits, ownGroupsEntry(groupList)]);
  const lastChange = Math.max(0, ...visits.map((v) => v.updatedAt.getTime()));
  return { visits, outlets, lastChange };
}

/** The groups' visits in full, with who attends each: from memory when nothing changed. */
export async function getGroupProgramme(
  scope: SelfScope | TourScope,
  groupList: ItineraryGroup[],
): Promise<GroupProgramme> {
  const { entries, watched } = state();
  if (!watched.has(scope.tourId)) {
    // Until the subscription is up, nothing is kept: a change could slip past it.
    const subscribed = subscribeToTour(scope.tourId, () => forgetTour(scope.tourId)).catch(
      (err: unknown) => {
        watched.delete(scope.tourId);
        throw err;
      },
    );
    subscribed.catch(() => {});
    watched.set(scope.tourId, subscribed);
    return load(scope, groupList);
  }
  // A subscription that failed keeps nothing either (the next request subscribes again).
  if (
    !(await watched.get(scope.tourId)?.then(
      () => true,
      () => false,
    ))
  ) {
    return load(scope, groupList);
  }
  const key = `${scope.tourId}:${groupList
    .map((g) => g.id)
    .sort()
    .join(',')}`;
  const now = Date.now();
  const kept = entries.get(key);
  if (kept && now - kept.at < maxAgeMs) return kept.value;
  const value = load(scope, groupList);
  entries.set(key, { at: now, value });
  value.catch(() => entries.delete(key));
  if (entries.size > maxEntries) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return value;
}
