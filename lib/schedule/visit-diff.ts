import { formatDateTime } from '@/lib/time';
import type { VisitSnapshot } from '@/lib/visit-changes';

// A visit's history in words: which parts changed between two versions, each shown as the
// reader would say it (times on the tour's clock, places and groups by name). Pure.

export type ChangedPart =
  | 'time'
  | 'title'
  | 'place'
  | 'groups'
  | 'notes'
  | 'transport'
  | 'contacts'
  | 'kind';

export interface Names {
  place: (siteId: string | null, cityId: string | null) => string;
  groups: (ids: string[]) => string;
  kind: (kind: string) => string;
  transport: (mode: string | null) => string;
  pick: (zh: string | null, en: string | null) => string;
  timeZone: string;
  locale: string;
}

export function describeChanges(
  before: VisitSnapshot,
  after: VisitSnapshot,
  names: Names,
): { part: ChangedPart; before: string; after: string }[] {
  const when = (s: VisitSnapshot) =>
    `${formatDateTime(new Date(s.startsAt), names.timeZone, names.locale)}–${formatDateTime(new Date(s.endsAt), names.timeZone, names.locale).slice(-5)}`;
  const parts: [ChangedPart, (s: VisitSnapshot) => string][] = [
    ['time', when],
    ['title', (s) => names.pick(s.titleZh, s.titleEn)],
    ['kind', (s) => names.kind(s.kind)],
    ['place', (s) => names.place(s.siteId, s.cityId)],
    ['groups', (s) => names.groups(s.groupIds)],
    ['notes', (s) => names.pick(s.notesZh, s.notesEn) || '—'],
    [
      'transport',
      (s) => [names.transport(s.transportMode), s.vehicle].filter(Boolean).join(' · ') || '—',
    ],
    [
      'contacts',
      (s) =>
        [s.hostContactName, s.hostContactPhone, s.escortName, s.escortPhone]
          .filter(Boolean)
          .join(' · ') || '—',
    ],
  ];
  return parts
    .map(([part, show]) => ({ part, before: show(before), after: show(after) }))
    .filter((c) => c.before !== c.after);
}
