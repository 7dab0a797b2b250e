import { describe, expect, it } from 'vitest';
import { groupByTourDay } from '../../lib/programme';

const tour = { startDate: '2025-07-18', endDate: '2025-07-20', timeZone: 'Asia/Shanghai' };

describe('programme days', () => {
  it('puts a visit at 00:30 Shanghai time on its Shanghai day, whatever the machine zone', () => {
    const late = { id: 'late', startsAt: new Date('2025-07-18T16:30:00Z') };
    const days = groupByTourDay([late], tour);
    expect(days.map((d) => d.date)).toEqual(['2025-07-18', '2025-07-19', '2025-07-20']);
    expect(days[1]?.items).toEqual([late]);
    expect(days[0]?.items).toEqual([]);
  });

  it('keeps a visit that falls outside the tour dates', () => {
    const early = { id: 'early', startsAt: new Date('2025-07-16T02:00:00Z') };
    const days = groupByTourDay([early], tour);
    expect(days[0]).toEqual({ date: '2025-07-16', items: [early] });
    expect(days).toHaveLength(4);
  });
});
