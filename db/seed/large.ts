import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../connect';
import * as s from '../schema';

// A tour the size the app must hold (10,000 delegates, 30,000 visits by default), generated in
// SQL so it loads in seconds. It needs the reference data of the demo tour (countries, cities,
// sites): load the demo first. Names follow a pattern a test can search for: delegate n is
// "代表<n>号" / "Delegate <n>", outlet k is "测试报<k>" / "Test Daily <k>".

export interface LargeTourSize {
  delegates: number;
  /** Delegates per group; every group visits `visitsPerGroup` places over the tour. */
  groupSize: number;
  visitsPerGroup: number;
  outlets: number;
  /** Every n-th delegate gets a journalist account (password `accountPassword`). */
  accountEvery: number;
  /** The tour's English name (unique): several generated tours can sit side by side. */
  name: string;
}

export const largeTourDefaults: LargeTourSize = {
  delegates: 10_000,
  groupSize: 20,
  visitsPerGroup: 60,
  outlets: 400,
  accountEvery: 2,
  name: 'Large generated tour',
};

export function largeDelegateNames(n: number) {
  return { nameZh: `代表${n}号`, nameEn: `Delegate ${n}`, email: `delegate${n}@large.example` };
}

export async function seedLargeTour(
  db: Db,
  size: Partial<LargeTourSize> = {},
  accountPassword = 'large-tour-password',
): Promise<{ tourId: string; groups: number; visits: number }> {
  const n = { ...largeTourDefaults, ...size };
  if (n.visitsPerGroup > 14 * 10) throw new Error('at most 140 visits per group (10 a day)');
  // The day's visits spread from 07:00 to 20:00, each shorter than the gap to the next, so a
  // group never overlaps itself.
  const perDay = Math.ceil(n.visitsPerGroup / 14);
  const gap = Math.floor(780 / perDay);
  const length = Math.min(90, gap - 10);
  const groupCount = Math.ceil(n.delegates / n.groupSize);
  const passwordHash = await hashPassword(accountPassword);
  const made = await db.transaction(async (tx) => {
    const [tour] = await tx
      .insert(s.tours)
      .values({
        nameZh: '大型测试团',
        nameEn: n.name,
        startDate: '2026-07-13',
        endDate: '2026-07-26',
      })
      .returning({ id: s.tours.id });
    if (!tour) throw new Error('no tour');
    const tourId = tour.id;
    const countryCount = await tx.$count(s.countries);
    const siteCount = await tx.$count(s.sites);
    if (!siteCount) throw new Error('load the demo tour first: no sites');
    if (!countryCount) throw new Error('load the demo tour first: no countries');

    await tx.execute(sql`
      with c as (select code, row_number() over (order by code) - 1 as i from countries)
      insert into outlets (tour_id, name_zh, name_en, country_code, media_type, search_text)
      select ${tourId}, '测试报' || k, 'Test Daily ' || k, c.code, 'newspaper',
             '测试报' || k || ' test daily ' || k
      from generate_series(1, ${n.outlets}) k join c on c.i = k % ${countryCount}`);
    await tx.execute(sql`
      with o as (select id, row_number() over (order by name_en) - 1 as i
                 from outlets where tour_id = ${tourId})
      insert into delegates (tour_id, outlet_id, name_zh, name_en, passport_name, role, email,
                             phone, search_text)
      select ${tourId}, o.id, '代表' || n || '号', 'Delegate ' || n, 'DELEGATE ' || n,
             'journalist', 'delegate' || n || '@large.example', '+60 12 ' || lpad(n::text, 7, '0'),
             '代表' || n || '号 delegate ' || n || ' delegate ' || n || ' delegate' || n
               || '@large.example'
      from generate_series(1, ${n.delegates}) n join o on o.i = n % ${n.outlets}`);
    await tx.execute(sql`
      insert into groups (tour_id, code, name_zh, name_en)
      select ${tourId}, 'G' || g, '第' || g || '组', 'Group ' || g
      from generate_series(1, ${groupCount}) g`);
    await tx.execute(sql`
      insert into group_members (tour_id, group_id, delegate_id)
      select ${tourId}, g.id, d.id
      from delegates d
      join groups g on g.tour_id = d.tour_id
        and g.code = 'G' || ((substring(d.name_en from 10)::int - 1) / ${n.groupSize} + 1)
      where d.tour_id = ${tourId}`);
    // Each group: visitsPerGroup visits spread over the tour's fourteen days, sites taken in turn
    // from the reference data.
    // A visit's group rows are filled from the visit by a trigger, so the visits go in first.
    await tx.execute(sql`
      create temp table large_plan on commit drop as
      with site as (select id, city_id, name_zh, name_en,
                           row_number() over (order by name_en) - 1 as i from sites),
           g as (select id, row_number() over (order by code) - 1 as gi
                 from groups where tour_id = ${tourId}),
           slot as (select v, v % 14 as day, v / 14 as k
                    from generate_series(0, ${n.visitsPerGroup - 1}) v)
      select gen_random_uuid() as id, g.id as group_id, site.id as site_id, site.city_id,
             site.name_zh, site.name_en,
             timestamptz '2026-07-13 07:00+08'
               + make_interval(days => slot.day::int, mins => (slot.k * ${gap})::int) as starts_at
      from g cross join slot join site on site.i = (g.gi + slot.v) % ${siteCount}`);
    await tx.execute(sql`
      insert into visits (id, tour_id, kind, title_zh, title_en, site_id, city_id, starts_at,
                          ends_at)
      select id, ${tourId}, 'site_visit', '参观' || name_zh, 'Visit to ' || name_en, site_id,
             city_id, starts_at, starts_at + make_interval(mins => ${length})
      from large_plan`);
    await tx.execute(sql`
      insert into visit_groups (tour_id, visit_id, group_id)
      select ${tourId}, id, group_id from large_plan`);
    await tx.execute(sql`
      insert into users (email, display_name, password_hash, role, tour_id, delegate_id, search_text)
      select d.email, d.name_en, ${passwordHash}, 'journalist', d.tour_id, d.id,
             d.email || ' ' || lower(d.name_en)
      from delegates d
      where d.tour_id = ${tourId}
        and substring(d.name_en from 10)::int % ${n.accountEvery} = 0`);
    const visits = await tx.$count(s.visits, eq(s.visits.tourId, tourId));
    return { tourId, groups: groupCount, visits };
  });
  // A bulk load leaves the planner without statistics, and the embedded database has no
  // autovacuum to gather them: without this, lists of the tour are read by nested loops.
  await db.execute(sql`analyze`);
  return made;
}
