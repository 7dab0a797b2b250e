import { describe, expect, it } from 'vitest';
import {
  findProblems,
  type PlanContext,
  type PlanVisit,
  travelKey,
} from '../../lib/schedule/problems';
import { zonedInstant } from '../../lib/time';

const tz = 'Asia/Shanghai';
const at = (day: string, time: string) => zonedInstant(day, time, tz);

function visit(id: string, day: string, start: string, end: string, more: Partial<PlanVisit> = {}) {
  return {
    id,
    kind: 'site_visit',
    titleZh: id,
    titleEn: id,
    startsAt: at(day, start),
    endsAt: at(day, end),
    siteId: null,
    cityId: 'chongqing',
    fromCityId: null,
    groupIds: ['A'],
    cancelled: false,
    ...more,
  } satisfies PlanVisit;
}

function context(more: Partial<PlanContext> = {}): PlanContext {
  return {
    settings: {
      timeZone: tz,
      transferBufferMinutes: 30,
      maxDayMinutes: 720,
      minRestMinutes: 600,
      lunchStart: '11:30',
      lunchEnd: '14:00',
      dinnerStart: '17:30',
      dinnerEnd: '21:00',
    },
    travel: new Map([[travelKey('chongqing', 'chengdu'), 120]]),
    sites: new Map(),
    groupSizes: new Map([
      ['A', 20],
      ['B', 25],
    ]),
    stays: new Map(),
    ...more,
  };
}

const kinds = (visits: PlanVisit[], ctx = context()) =>
  findProblems(visits, ctx).map((p) => p.kind);

describe('schedule problems', () => {
  it('warns when a group has too little time to get from one city to the next, with the time needed', () => {
    // Mornings only: these days do not run through a meal window.
    const morning = visit('cq', '2025-07-20', '07:00', '09:00');
    const chengdu = visit('cd', '2025-07-20', '09:30', '11:00', { cityId: 'chengdu' });
    const [problem] = findProblems([morning, chengdu], context());
    expect(problem).toMatchObject({
      kind: 'transfer',
      visitIds: ['cd', 'cq'],
      groupId: 'A',
      params: { needed: 150, gap: 30 },
    });
    // With the travel time plus the buffer in between, nothing to say.
    const later = visit('cd', '2025-07-20', '11:30', '12:30', { cityId: 'chengdu' });
    expect(kinds([morning, later])).toEqual([]);
    // A cancelled visit is not a place the group has to leave.
    expect(kinds([{ ...morning, cancelled: true }, chengdu])).toEqual([]);
  });

  it('counts a transfer from its departure city', () => {
    const morning = visit('cq', '2025-07-20', '07:00', '09:00');
    const train = visit('train', '2025-07-20', '09:15', '11:15', {
      kind: 'transfer',
      fromCityId: 'chongqing',
      cityId: 'chengdu',
    });
    const afternoon = visit('cd', '2025-07-20', '11:30', '12:30', { cityId: 'chengdu' });
    expect(kinds([morning, train, afternoon])).toEqual([]);
  });

  it('warns when more people attend than the site holds, alone or with another booking', () => {
    const sites = new Map([
      [
        'museum',
        { capacity: 40, opensAt: null, closesAt: null, closedWeekdays: [], closedDates: [] },
      ],
    ]);
    const both = visit('both', '2025-07-20', '09:00', '10:00', {
      siteId: 'museum',
      groupIds: ['A', 'B'],
    });
    expect(findProblems([both], context({ sites }))[0]).toMatchObject({
      kind: 'capacity',
      params: { people: 45, capacity: 40 },
    });
    const a = visit('a', '2025-07-20', '09:00', '10:00', { siteId: 'museum' });
    const b = visit('b', '2025-07-20', '09:30', '10:30', { siteId: 'museum', groupIds: ['B'] });
    expect(kinds([a, b], context({ sites }))).toEqual(['siteOverbooked']);
    const apart = { ...b, startsAt: at('2025-07-20', '10:00'), endsAt: at('2025-07-20', '11:00') };
    expect(kinds([a, apart], context({ sites }))).toEqual([]);
  });

  it('warns about long days, short nights and days without a meal', () => {
    const early = visit('early', '2025-07-20', '07:00', '12:00', { kind: 'meal' });
    const late = visit('late', '2025-07-20', '18:00', '21:30', { kind: 'meal' });
    expect(kinds([early, late])).toEqual(['dayTooLong']);
    const next = visit('next', '2025-07-21', '06:00', '08:00');
    expect(kinds([early, late, next])).toContain('shortRest');

    const allDay = visit('tour', '2025-07-22', '09:00', '15:00');
    expect(kinds([allDay])).toEqual(['noLunch']);
    const lunch = visit('lunch', '2025-07-22', '15:00', '16:00', { kind: 'meal' });
    expect(kinds([allDay, lunch])).toEqual(['noLunch']); // after the window
    const inWindow = visit('lunch', '2025-07-22', '12:00', '13:00', { kind: 'meal' });
    expect(kinds([{ ...allDay, endsAt: at('2025-07-22', '12:00') }, inWindow])).toEqual([]);
  });

  it('warns about a site booked outside its hours, on its weekly closing day or a closure date', () => {
    const sites = new Map([
      [
        'museum',
        {
          capacity: null,
          opensAt: '09:00',
          closesAt: '17:00',
          closedWeekdays: [1], // Mondays
          closedDates: ['2025-07-23'],
        },
      ],
    ]);
    const ctx = context({ sites });
    const sunday = visit('sun', '2025-07-20', '09:00', '10:00', { siteId: 'museum' });
    expect(kinds([sunday], ctx)).toEqual([]);
    expect(kinds([{ ...sunday, startsAt: at('2025-07-20', '08:30') }], ctx)).toEqual([
      'siteClosed',
    ]);
    expect(
      kinds([visit('mon', '2025-07-21', '10:00', '11:00', { siteId: 'museum' })], ctx),
    ).toEqual(['siteClosed']);
    expect(
      kinds([visit('wed', '2025-07-23', '10:00', '11:00', { siteId: 'museum' })], ctx),
    ).toEqual(['siteClosed']);
  });

  it('warns about a visit before a member arrives or after they leave', () => {
    const stays = new Map([
      [
        'A',
        [
          { delegateId: 'd1', arrivesAt: at('2025-07-20', '12:00'), departsAt: null },
          { delegateId: 'd2', arrivesAt: null, departsAt: null },
        ],
      ],
    ]);
    const morning = visit('m', '2025-07-20', '09:00', '10:00');
    expect(findProblems([morning], context({ stays }))[0]).toMatchObject({
      kind: 'outsideStay',
      params: { people: 1 },
    });
    expect(kinds([visit('pm', '2025-07-20', '14:00', '15:00')], context({ stays }))).toEqual([]);
  });
});
