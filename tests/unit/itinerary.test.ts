import { describe, expect, it } from 'vitest';
import { changedParts, changesSince, type VisitChangeEntry } from '../../lib/itinerary/changes';
import { planItinerary, readingInstant, shownVisitIds } from '../../lib/itinerary/plan';
import type { VisitSnapshot } from '../../lib/visit-changes';

const tour = { startDate: '2025-07-18', endDate: '2025-07-21', timeZone: 'Asia/Shanghai' };
// 'HH:mm' on day n of the tour (Asia/Shanghai is UTC+8).
const at = (day: number, hhmm: string) => new Date(`2025-07-${17 + day}T${hhmm}:00+08:00`);
const visit = (id: string, day: number, start: string, end: string, cancelled = false) => ({
  id,
  startsAt: at(day, start),
  endsAt: at(day, end),
  cancelled,
});

const visits = [
  visit('d1-breakfast', 1, '08:00', '09:00'),
  visit('d2-factory', 2, '09:00', '11:00'),
  visit('d2-cancelled', 2, '11:30', '12:00', true),
  visit('d2-lunch', 2, '12:00', '13:00'),
  visit('d2-late-cancelled', 2, '15:00', '16:00', true),
  visit('d2-forum', 2, '16:00', '18:00'),
  visit('d3-museum', 3, '10:00', '12:00'),
  visit('d4-closing', 4, '19:00', '21:00'),
];

describe('planItinerary', () => {
  it('puts what is on now and the next visit first, skipping cancelled ones', () => {
    const plan = planItinerary(visits, tour, at(2, '10:00'));
    expect(plan.phase).toBe('during');
    expect(plan.current.map((v) => v.id)).toEqual(['d2-factory']);
    // The cancelled 11:30 is not "next": the lunch at 12:00 is.
    expect(plan.next?.id).toBe('d2-lunch');
    expect(plan.today?.date).toBe('2025-07-19');
    expect(plan.upcoming.map((d) => d.date)).toEqual(['2025-07-20', '2025-07-21']);
    expect(plan.past.map((d) => d.date)).toEqual(['2025-07-18']);
  });

  it('keeps a cancelled visit on today and later days, and drops it once its day has passed', () => {
    const today = planItinerary(visits, tour, at(2, '10:00'));
    expect(today.today?.items.map((v) => v.id)).toContain('d2-cancelled');
    const tomorrow = planItinerary(visits, tour, at(3, '08:00'));
    expect(tomorrow.past.find((d) => d.date === '2025-07-19')?.items.map((v) => v.id)).toEqual([
      'd2-factory',
      'd2-lunch',
      'd2-forum',
    ]);
  });

  it('a visit ending exactly now is over; one starting exactly now is under way', () => {
    const plan = planItinerary(visits, tour, at(2, '11:00'));
    expect(plan.current).toEqual([]);
    expect(plan.next?.id).toBe('d2-lunch');
    const starting = planItinerary(visits, tour, at(2, '12:00'));
    expect(starting.current.map((v) => v.id)).toEqual(['d2-lunch']);
  });

  it('before the tour, the first visit is next and every day is to come; after, all are past', () => {
    const before = planItinerary(visits, tour, new Date('2025-07-01T00:00:00Z'));
    expect(before.phase).toBe('before');
    expect(before.next?.id).toBe('d1-breakfast');
    expect(before.today).toBeNull();
    expect(before.upcoming).toHaveLength(4);
    const after = planItinerary(visits, tour, new Date('2026-01-01T00:00:00Z'));
    expect(after.phase).toBe('after');
    expect(after.next).toBeNull();
    expect(after.past).toHaveLength(4);
  });

  it('the day turns at midnight on the tour clock, not the server clock', () => {
    // 23:30 on day 2 in Shanghai is 15:30 UTC on the same date; 00:30 on day 3 is 16:30 UTC on
    // day 2's date.
    expect(planItinerary(visits, tour, at(2, '23:30')).today?.date).toBe('2025-07-19');
    expect(planItinerary(visits, tour, at(3, '00:30')).today?.date).toBe('2025-07-20');
  });

  it('marks anything not yet past', () => {
    const plan = planItinerary(visits, tour, at(2, '10:00'));
    expect(shownVisitIds(plan)).not.toContain('d1-breakfast');
    expect(shownVisitIds(plan)).toContain('d4-closing');
  });
});

describe('readingInstant', () => {
  const now = new Date('2025-07-19T02:00:00Z');
  it('is now without a day or for today, and the morning of a picked day of the tour', () => {
    expect(readingInstant(tour, now, undefined)).toBe(now);
    expect(readingInstant(tour, now, '2025-07-19')).toBe(now);
    expect(readingInstant(tour, now, '2025-07-21')?.toISOString()).toBe('2025-07-20T16:00:00.000Z');
  });
  it('refuses a day outside the tour', () => {
    expect(readingInstant(tour, now, '2025-07-17')).toBeNull();
    expect(readingInstant(tour, now, '2025-07-22')).toBeNull();
  });
});

const snapshot = (over: Partial<VisitSnapshot> = {}): VisitSnapshot => ({
  kind: 'site_visit',
  titleZh: '参观',
  titleEn: 'Visit',
  siteId: 's1',
  cityId: 'c1',
  fromCityId: null,
  startsAt: '2025-07-19T01:00:00.000Z',
  endsAt: '2025-07-19T03:00:00.000Z',
  groupIds: ['g1'],
  notesZh: null,
  notesEn: null,
  transportMode: null,
  vehicle: null,
  hostContactName: null,
  hostContactPhone: null,
  escortName: null,
  escortPhone: null,
  cancelled: false,
  ...over,
});
const entry = (
  visitId: string,
  minute: number,
  action: VisitChangeEntry['action'],
  before: VisitSnapshot | null,
  after: VisitSnapshot,
  version = minute + 1,
): VisitChangeEntry => ({
  visitId,
  action,
  at: new Date(Date.UTC(2025, 6, 19, 12, minute)),
  detail: { version, before, after },
});

describe('changesSince', () => {
  it('compares how a visit was when last seen with how it is now, across several edits', () => {
    const first = snapshot();
    const moved = snapshot({
      startsAt: '2025-07-19T02:00:00.000Z',
      endsAt: '2025-07-19T04:00:00.000Z',
    });
    const renamed = snapshot({ ...moved, titleEn: 'Visit (new)', siteId: 's2' });
    // Entries arrive newest first from the database.
    const marks = changesSince([
      entry('v', 2, 'visit.updated', moved, renamed),
      entry('v', 1, 'visit.updated', first, moved),
    ]);
    const mark = marks.get('v');
    expect(mark?.kind).toBe('moved');
    expect(mark?.before?.startsAt).toBe(first.startsAt);
    expect(mark?.parts).toEqual(['time', 'place', 'title']);
    expect(mark?.at.toISOString()).toBe('2025-07-19T12:02:00.000Z');
  });

  it('tells added, cancelled and restored visits apart, and forgets a move undone', () => {
    const s = snapshot();
    const marks = changesSince([
      entry('new', 1, 'visit.created', null, s),
      entry('off', 1, 'visit.cancelled', s, snapshot({ cancelled: true })),
      entry('on', 1, 'visit.restored', snapshot({ cancelled: true }), s),
      entry('back', 1, 'visit.updated', s, snapshot({ startsAt: '2025-07-19T01:30:00.000Z' })),
      entry('back', 2, 'visit.updated', snapshot({ startsAt: '2025-07-19T01:30:00.000Z' }), s),
      entry('notes', 1, 'visit.updated', s, snapshot({ notesEn: 'Bring a helmet' })),
    ]);
    expect(marks.get('new')?.kind).toBe('added');
    expect(marks.get('new')?.before).toBeNull();
    expect(marks.get('off')?.kind).toBe('cancelled');
    expect(marks.get('on')?.kind).toBe('restored');
    expect(marks.has('back')).toBe(false);
    expect(marks.get('notes')).toMatchObject({ kind: 'changed', parts: ['notes'] });
  });

  it('reads the same instant written two ways as unchanged', () => {
    expect(changedParts(snapshot(), snapshot({ startsAt: '2025-07-19T09:00:00+08:00' }))).toEqual(
      [],
    );
  });
});
