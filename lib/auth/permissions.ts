// Who may do what: pure functions over the signed-in viewer, used by the data-access layer.

export type Role = 'organizer' | 'coordinator' | 'journalist';

export interface Viewer {
  userId: string;
  /** The user_sessions row of this sign-in. */
  sessionId: string;
  email: string;
  displayName: string | null;
  role: Role;
  /** Coordinators: the tours they are assigned to. */
  staffTourIds: string[];
  /** Journalists: the tour and delegate their account belongs to. */
  tourId: string | null;
  delegateId: string | null;
  /**
   * Journalists: when they last opened their itinerary (and the time before, from which changes
   * are marked) and whether they have a calendar feed. Read with the session, from the same row,
   * so the itinerary costs no query of its own for them.
   */
  itinerary?: ItinerarySeen | undefined;
}

export interface ItinerarySeen {
  at: Date | null;
  prev: Date | null;
  hasFeed: boolean;
}

/** The one rule for "may this viewer work on this tour": its organizers and assigned coordinators. */
export function canWorkOnTour(viewer: Viewer, tourId: string): boolean {
  if (viewer.role === 'organizer') return true;
  if (viewer.role === 'coordinator') return viewer.staffTourIds.includes(tourId);
  return false;
}

/** A delegate's profile and itinerary: staff of the tour, or the delegate themself. */
export function canReadDelegate(viewer: Viewer, tourId: string, delegateId: string): boolean {
  if (canWorkOnTour(viewer, tourId)) return true;
  return (
    viewer.role === 'journalist' && viewer.tourId === tourId && viewer.delegateId === delegateId
  );
}

/** Passport numbers, dates of birth: organizers only. */
export function canSeeSensitive(viewer: Viewer): boolean {
  return viewer.role === 'organizer';
}

/** Phone numbers and emergency contacts of other people: the tour's staff. */
export function canSeeContacts(viewer: Viewer, tourId: string): boolean {
  return canWorkOnTour(viewer, tourId);
}

export function canManageUsers(viewer: Viewer): boolean {
  return viewer.role === 'organizer';
}

/** Creating and archiving tours: organizers. */
export function canManageTours(viewer: Viewer): boolean {
  return viewer.role === 'organizer';
}

/** Cities, sites and travel times are shared by every tour: any staff member keeps them. */
export function canEditReference(viewer: Viewer): boolean {
  return viewer.role === 'organizer' || viewer.role === 'coordinator';
}
