import 'server-only';
import { canWorkOnTour, type Viewer } from '@/lib/auth/permissions';

// A tour scope is the proof that a viewer may work on a tour. Every tour-scoped reader and writer
// of the data-access layer takes one instead of a bare tour id, and only this module can make
// one, so a query that nobody authorized does not typecheck.

declare const tourScopeBrand: unique symbol;
declare const selfScopeBrand: unique symbol;

export interface TourScope {
  readonly tourId: string;
  readonly viewer: Viewer;
  readonly [tourScopeBrand]: true;
}

/** A journalist's own corner of their tour: their delegate, and nothing of anyone else's. */
export interface SelfScope {
  readonly tourId: string;
  readonly delegateId: string;
  readonly viewer: Viewer;
  readonly [selfScopeBrand]: true;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}

/** The one place that decides whether this viewer may work on this tour (as its staff). */
export function tourScope(viewer: Viewer, tourId: string): TourScope | null {
  if (!isUuid(tourId) || !canWorkOnTour(viewer, tourId)) return null;
  return { tourId: tourId.toLowerCase(), viewer } as TourScope;
}

/** A journalist's scope over their own delegate; null for anyone else. */
export function selfScope(viewer: Viewer): SelfScope | null {
  if (viewer.role !== 'journalist' || !viewer.tourId || !viewer.delegateId) return null;
  return { tourId: viewer.tourId, delegateId: viewer.delegateId, viewer } as SelfScope;
}

/**
 * A journalist's scope for their calendar feed, which carries no session: the owner is who the
 * feed's token (lib/dal/feeds.ts) belongs to, and the scope reaches no further than a session's.
 */
export function feedScope(owner: {
  userId: string;
  email: string;
  tourId: string;
  delegateId: string;
}): SelfScope {
  const viewer: Viewer = {
    userId: owner.userId,
    sessionId: '',
    email: owner.email,
    displayName: null,
    role: 'journalist',
    staffTourIds: [],
    tourId: owner.tourId,
    delegateId: owner.delegateId,
  };
  return { tourId: owner.tourId, delegateId: owner.delegateId, viewer } as SelfScope;
}
