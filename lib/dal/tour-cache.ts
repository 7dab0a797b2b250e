import 'server-only';
import { getDatabase } from '@/db';
import type { DatabaseHandle } from '@/db/connect';
import type { SelfScope, TourScope } from './scope';

// Reads of a tour, kept in memory until the tour's data changes. A tour's pages are read far more
// often than it is edited (a coordinator rereads the delegate list, 60 journalists reload their
// day), and on the embedded database every query runs on the thread that renders the pages.
//
// A change is known three ways (migration 0005):
// - every write to a tour's tables NOTIFYs `tour_data` with the tour's id when it commits, from
//   any app instance, action, import or script; reference data shared by all tours notifies '*';
// - a transaction of this process drops the tours it changed as soon as it commits, before the
//   person who made it is answered, so they see their change on the next page even before the
//   NOTIFY lands;
// - a listener that dropped and listened again drops everything too: it may have missed some.
// Nothing is kept until the subscription is up, and nothing longer than `maxAgeMs` in any case.
//
// Callers decide access first (they hold a scope), and the key holds every input of the read
// other than the tour: a read that depends on who reads (a role, a user) puts that in the key.

const channel = 'tour_data';
const maxAgeMs = 5 * 60_000;
const maxEntries = 1000;

type Notifications = Pick<DatabaseHandle, 'listen' | 'onCommit'>;

export interface TourReadCache {
  /**
   * `read()` for this tour and key, from memory when the tour has not changed since it was read.
   * The value is shared between requests: nobody may change it.
   */
  read<T>(tourId: string, key: readonly unknown[], read: () => Promise<T>): Promise<T>;
}

interface Entry {
  stamp: string;
  at: number;
  value: Promise<unknown>;
}

/** A cache that learns of changes from `database()`'s notifications and commits. */
export function createTourReadCache(database: () => Promise<Notifications>): TourReadCache {
  const entries = new Map<string, Entry>();
  // Bumped when a tour's data changes; an entry made under another count is stale.
  const tours = new Map<string, number>();
  // Bumped when anything may have changed.
  let everything = 0;
  let listening: Promise<boolean> | null = null;

  const changed = (tourId: string) => {
    if (tourId === '*') {
      everything++;
      entries.clear();
    } else {
      tours.set(tourId, (tours.get(tourId) ?? 0) + 1);
    }
  };
  const subscribed = () => {
    listening ??= database()
      .then(async (handle) => {
        handle.onCommit((changedTours) => changedTours.forEach(changed));
        await handle.listen(channel, changed, () => changed('*'));
        return true;
      })
      .catch(() => {
        listening = null; // the next read tries again, and keeps nothing until then
        return false;
      });
    return listening;
  };

  return {
    async read<T>(tourId: string, key: readonly unknown[], read: () => Promise<T>) {
      if (!(await subscribed())) return read();
      const id = `${tourId}:${JSON.stringify(key)}`;
      const stamp = `${everything}:${tours.get(tourId) ?? 0}`;
      const now = Date.now();
      const kept = entries.get(id);
      if (kept && kept.stamp === stamp && now - kept.at < maxAgeMs) {
        // Least recently used goes first: move this one to the end.
        entries.delete(id);
        entries.set(id, kept);
        return kept.value as Promise<T>;
      }
      const value = read();
      const entry = { stamp, at: now, value };
      entries.set(id, entry);
      value.catch(() => {
        if (entries.get(id) === entry) entries.delete(id);
      });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return value;
    },
  };
}

const store = globalThis as typeof globalThis & { __tourdeskTourCache?: TourReadCache };

/** A read of the scope's tour through the process's cache (see `TourReadCache.read`). */
export function cachedTourRead<T>(
  scope: TourScope | SelfScope,
  key: readonly unknown[],
  read: () => Promise<T>,
): Promise<T> {
  store.__tourdeskTourCache ??= createTourReadCache(getDatabase);
  return store.__tourdeskTourCache.read(scope.tourId, key, read);
}
