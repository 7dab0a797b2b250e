import type { VisitChangeAction, VisitChangeDetail, VisitSnapshot } from '@/lib/visit-changes';

// "What changed since you last looked": a visit's audit entries after that moment, folded into
// one mark that compares how it was then with how it is now. A visit moved and moved back has
// no mark: nothing the reader knew is different.

export interface VisitChangeEntry {
  visitId: string;
  action: VisitChangeAction;
  at: Date;
  detail: VisitChangeDetail;
}

export type ChangeKind = 'added' | 'cancelled' | 'restored' | 'moved' | 'changed';
export type ChangedPart = 'time' | 'place' | 'title' | 'notes' | 'transport' | 'contact';

export interface VisitChange {
  kind: ChangeKind;
  /** When it last changed. */
  at: Date;
  /** What the reader last saw; null for a visit added since. */
  before: VisitSnapshot | null;
  parts: ChangedPart[];
}

const partFields: Record<ChangedPart, (keyof VisitSnapshot)[]> = {
  time: ['startsAt', 'endsAt'],
  place: ['siteId', 'cityId', 'fromCityId'],
  title: ['titleZh', 'titleEn'],
  notes: ['notesZh', 'notesEn'],
  transport: ['transportMode', 'vehicle'],
  contact: ['hostContactName', 'hostContactPhone'],
};

// Instants may be written with different offsets; compare them as instants.
const same = (field: keyof VisitSnapshot, a: unknown, b: unknown) =>
  (field === 'startsAt' || field === 'endsAt') && typeof a === 'string' && typeof b === 'string'
    ? new Date(a).getTime() === new Date(b).getTime()
    : a === b;

/** Which parts a reader would notice differ between two versions of a visit. */
export function changedParts(before: VisitSnapshot, after: VisitSnapshot): ChangedPart[] {
  return (Object.keys(partFields) as ChangedPart[]).filter((part) =>
    partFields[part].some((f) => !same(f, before[f] ?? null, after[f] ?? null)),
  );
}

/** One mark per visit from its entries (any order), or none when it ends as it began. */
export function changesSince(entries: VisitChangeEntry[]): Map<string, VisitChange> {
  const byVisit = new Map<string, VisitChangeEntry[]>();
  for (const e of entries) byVisit.set(e.visitId, [...(byVisit.get(e.visitId) ?? []), e]);
  const marks = new Map<string, VisitChange>();
  for (const [visitId, list] of byVisit) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.detail.version - b.detail.version);
    const first = list[0];
    const last = list[list.length - 1];
    if (!first || !last) continue;
    const before = first.detail.before;
    const after = last.detail.after;
    const mark = (kind: ChangeKind, parts: ChangedPart[] = []) =>
      marks.set(visitId, { kind, at: last.at, before, parts });
    if (!before) {
      mark(after.cancelled ? 'cancelled' : 'added');
      continue;
    }
    const parts = changedParts(before, after);
    if (after.cancelled && !before.cancelled) mark('cancelled', parts);
    else if (!after.cancelled && before.cancelled) mark('restored', parts);
    else if (parts.includes('time')) mark('moved', parts);
    else if (parts.length) mark('changed', parts);
  }
  return marks;
}
