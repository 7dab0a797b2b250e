import { describe, expect, it } from 'vitest';
import { dayListQuery, delegateExportQuery } from '../../lib/validation/exports';

describe('export queries', () => {
  it('reads the list filters and the ticks', () => {
    expect(
      delegateExportQuery.parse({
        region: 'southeast_asia',
        country: 'MY',
        city: 'chengdu',
        date: '2025-07-22',
        passport: '1',
        dob: 'on',
        sort: 'outlet',
        page: '3',
      }),
    ).toMatchObject({
      region: 'southeast_asia',
      country: 'MY',
      city: 'chengdu',
      date: '2025-07-22',
      passport: true,
      nationality: false,
      dob: true,
    });
  });

  it('refuses a malformed value instead of dropping it (which would export everyone)', () => {
    for (const bad of [
      { region: 'Europe!' },
      { country: 'MYS' },
      { outlet: 'not-a-uuid' },
      { date: '2025-02-30' },
      { date: '22/07/2025' },
      { passport: 'yes please' },
      { lang: 'fr' },
    ]) {
      expect(delegateExportQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('a day list needs a date and either a group or a vehicle', () => {
    expect(dayListQuery.safeParse({ date: '2025-07-22', group: 'A' }).success).toBe(true);
    expect(dayListQuery.safeParse({ date: '2025-07-22', vehicle: '川A·12345' }).success).toBe(true);
    expect(dayListQuery.safeParse({ date: '2025-07-22' }).success).toBe(false);
    expect(dayListQuery.safeParse({ date: '2025-07-22', group: 'A', vehicle: 'x' }).success).toBe(
      false,
    );
    expect(dayListQuery.safeParse({ group: 'A' }).success).toBe(false);
  });
});
