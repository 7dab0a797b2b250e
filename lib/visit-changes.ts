// The contract between the schedule board (which writes visits) and whoever reads their history
// (the visit's history panel, a journalist's "what changed", calendar feeds). Every change to a
// visit is one audit entry, written in the same transaction as the change:
//   action  'visit.created' | 'visit.updated' | 'visit.cancelled' | 'visit.restored'
//   tourId  the visit's tour
//   target  the visit's id
//   detail  { version: the visit's version after the change, before: VisitSnapshot | null,
//             after: VisitSnapshot }
// `visits.version` grows by one with each entry and `visits.updated_at` is the time of the change.

export const visitChangeActions = [
  'visit.created',
  'visit.updated',
  'visit.cancelled',
  'visit.restored',
] as const;
export type VisitChangeAction = (typeof visitChangeActions)[number];

/** What a visit looked like at one version: the fields a reader may want to compare. */
export interface VisitSnapshot {
  kind: string;
  titleZh: string;
  titleEn: string;
  siteId: string | null;
  cityId: string | null;
  fromCityId: string | null;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  groupIds: string[];
  notesZh: string | null;
  notesEn: string | null;
  transportMode: string | null;
  vehicle: string | null;
  hostContactName: string | null;
  hostContactPhone: string | null;
  escortName: string | null;
  escortPhone: string | null;
  cancelled: boolean;
}

export interface VisitChangeDetail {
  version: number;
  before: VisitSnapshot | null;
  after: VisitSnapshot;
}
