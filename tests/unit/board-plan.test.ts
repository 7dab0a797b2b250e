import { describe, expect, it } from 'vitest';
import { visitsAroundDay } from '../../lib/schedule/board-plan';

const visit = (
  id: string,
  startsAt: string,
  endsAt: string,
  groupIds: string[],
  cancelled = false,
) => ({
  id,
  startsAt: `2025-07-${startsAt}:00.000Z`,
  endsAt: `2025-07-${endsAt}:00.000Z`,
  groupIds,
  cancelled,
});

describe('the visits a board day sends', () => {
  const dayStart = new Date('2025-07-20T00:00:00.000Z');
  const dayEnd = new Date('2025-07-21T00:00:00.000Z');

  it('keeps the whole day and, per group, only the last visit before it and the first after', () => {
    const list = [
      visit('a-early', '19T01:00', '19T02:00', ['A']),
      visit('a-late', '19T12:00', '19T14:00', ['A']),
      visit('b-prev', '19T08:00', '19T09:00', ['B']),
      visit('a-cancelled-late', '19T20:00', '19T21:00', ['A'], true),
      visit('a-day', '20T03:00', '20T05:00', ['A', 'B']),
      visit('a-day-cancelled', '20T06:00', '20T07:00', ['A'], true),
      visit('night', '19T22:00', '20T01:00', ['B']),
      visit('a-next', '21T01:00', '21T02:00', ['A']),
      visit('a-next-later', '21T05:00', '21T06:00', ['A']),
    ];
    expect(visitsAroundDay(list, dayStart, dayEnd).map((v) => v.id)).toEqual([
      'a-late',
      'b-prev',
      'a-day',
      'a-day-cancelled',
      'night',
      'a-next',
    ]);
  });
});
