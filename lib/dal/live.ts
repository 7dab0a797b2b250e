import 'server-only';
import { getDatabase } from '@/db';
import { tourChangesChannel } from './visits';

// Live updates of the schedule: every write NOTIFYs `tour_changes` with its tour (lib/dal/visits.ts);
// this process LISTENs once and hands each change to the boards of that tour open here. Through
// Postgres, a change made by another app instance on the same database arrives as well.

type Subscriber = (change: { visitId: string }) => void;

const store = globalThis as typeof globalThis & {
  __tourdeskLive?: { byTour: Map<string, Set<Subscriber>>; ready: Promise<void> | null };
};

function live() {
  store.__tourdeskLive ??= { byTour: new Map(), ready: null };
  const state = store.__tourdeskLive;
  state.ready ??= getDatabase()
    .then((handle) =>
      handle.listen(tourChangesChannel, (payload) => {
        let change: { tourId?: unknown; visitId?: unknown };
        try {
          change = JSON.parse(payload);
        } catch {
          return;
        }
        if (typeof change.tourId !== 'string' || typeof change.visitId !== 'string') return;
        for (const subscriber of state.byTour.get(change.tourId) ?? []) {
          subscriber({ visitId: change.visitId });
        }
      }),
    )
    .then(() => {})
    .catch((err) => {
      state.ready = null; // the next board to open tries again
      throw err;
    });
  return state;
}

/** Calls `onChange` for each change to the tour's schedule until the returned stop is called. */
export async function subscribeToTour(tourId: string, onChange: Subscriber): Promise<() => void> {
  const state = live();
  await state.ready;
  const set = state.byTour.get(tourId) ?? new Set();
  set.add(onChange);
  state.byTour.set(tourId, set);
  return () => {
    set.delete(onChange);
    if (set.size === 0) state.byTour.delete(tourId);
  };
}
