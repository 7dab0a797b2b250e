import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { queryDelegates } from '../../lib/dal/delegates';
import { queryOutlets } from '../../lib/dal/outlets';
import { queryProgramme } from '../../lib/dal/programme';
import type { TourScope } from '../../lib/dal/scope';
import { queryTourCounts } from '../../lib/dal/tours';

// The guard is in the types: a tour-scoped reader cannot be called with a bare tour id, or with
// an object that merely looks like a scope. `npm run typecheck` fails if any of these compiles.
function unguardedCalls(db: Db) {
  // @ts-expect-error a bare tour id is not a scope
  void queryOutlets(db, 'a-tour-id');
  // @ts-expect-error an object with a tourId is not a scope either: only lib/dal/scope.ts makes one
  void queryDelegates(db, { tourId: 'a-tour-id' });
  // @ts-expect-error nor one with a viewer
  void queryProgramme(db, { tourId: 'a-tour-id', viewer: { role: 'organizer' } });
  // @ts-expect-error
  void queryTourCounts(db, { tourId: 'a-tour-id' }, 'Asia/Shanghai');
}

function guardedCall(db: Db, scope: TourScope) {
  void queryOutlets(db, scope);
}

describe('tour scope', () => {
  it('is required by the type of every tour-scoped reader (checked by tsc)', () => {
    expect(typeof unguardedCalls).toBe('function');
    expect(typeof guardedCall).toBe('function');
  });
});
