import { describe, expect, it } from 'vitest';
import { type DemoGroupCode, type DemoVisit, demoData } from '../../db/seed/demo-data';

const { regions, countries, cities, travelTimes, sites, tour, themes, groups, outlets, visits } =
  demoData;

const TOUR_DAYS = 14;
const regionCodes = new Set(regions.map((r) => r.code));
const countryByCode = new Map(countries.map((c) => [c.code, c]));
const cityByCode = new Map(cities.map((c) => [c.code, c]));
const siteByKey = new Map(sites.map((s) => [s.key, s]));
const themeKeys = new Set(themes.map((t) => t.key));
const groupCodes = groups.map((g) => g.code);
const delegates = outlets.flatMap((o) => o.delegates);

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const travelMinutes = new Map(travelTimes.map((t) => [pairKey(t.from, t.to), t.minutes]));

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const duration = (v: DemoVisit) => minutesOf(v.end) - minutesOf(v.start);
const label = (v: DemoVisit) => `day ${v.day} ${v.start}-${v.end} [${v.groups}] ${v.titleEn}`;
const overlaps = (a: DemoVisit, b: DemoVisit) =>
  a.day === b.day && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end);

const groupSize = new Map<DemoGroupCode, number>(
  groupCodes.map((code) => [code, delegates.filter((d) => d.group === code).length]),
);
const attendance = (v: DemoVisit) => v.groups.reduce((n, g) => n + (groupSize.get(g) ?? 0), 0);

/** A group's programme in time order. */
function programmeOf(group: DemoGroupCode): DemoVisit[] {
  return visits
    .filter((v) => v.groups.includes(group))
    .sort((a, b) => a.day - b.day || minutesOf(a.start) - minutesOf(b.start));
}

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('demo data: reference data', () => {
  it('has the ten regions of origin with unique codes', () => {
    expect(regions).toHaveLength(10);
    expect(duplicates(regions.map((r) => r.code))).toEqual([]);
    expect(duplicates(regions.map((r) => String(r.sortOrder)))).toEqual([]);
  });

  it('gives every country an ISO code and a known region', () => {
    expect(duplicates(countries.map((c) => c.code))).toEqual([]);
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(regionCodes, c.code).toContain(c.region);
    }
  });

  it('keeps cities in Chongqing Municipality or Sichuan Province', () => {
    expect(duplicates(cities.map((c) => c.code))).toEqual([]);
    for (const c of cities) {
      expect(['Chongqing Municipality', 'Sichuan Province'], c.code).toContain(c.provinceEn);
    }
  });

  it('stores each travel time once per unordered pair of known, different cities', () => {
    expect(duplicates(travelTimes.map((t) => pairKey(t.from, t.to)))).toEqual([]);
    for (const t of travelTimes) {
      expect(cityByCode.has(t.from), t.from).toBe(true);
      expect(cityByCode.has(t.to), t.to).toBe(true);
      expect(t.from).not.toBe(t.to);
      expect(t.minutes).toBeGreaterThan(0);
    }
  });

  it('puts every site in a known city, once per city and English name', () => {
    expect(duplicates(sites.map((s) => s.key))).toEqual([]);
    // The seed finds stored sites again by (city, English name).
    expect(duplicates(sites.map((s) => `${s.city}|${s.nameEn}`))).toEqual([]);
    for (const s of sites) {
      expect(cityByCode.has(s.city), s.key).toBe(true);
      expect(s.capacity, s.key).toBeGreaterThan(0);
    }
  });
});

describe('demo data: tour, outlets and delegates', () => {
  it('is a 14-day tour from 18 July 2025 in Shanghai time', () => {
    expect(tour.startDate).toBe('2025-07-18');
    expect(tour.endDate).toBe('2025-07-31');
    expect(tour.timeZone).toBe('Asia/Shanghai');
    const days = (Date.parse(tour.endDate) - Date.parse(tour.startDate)) / 86_400_000 + 1;
    expect(days).toBe(TOUR_DAYS);
  });

  it('has nine themes and three groups with unique keys', () => {
    expect(themes).toHaveLength(9);
    expect(duplicates(themes.map((t) => t.key))).toEqual([]);
    expect(groupCodes).toEqual(['A', 'B', 'C']);
  });

  it('has 26 outlets, each from a known country with 1-3 known themes', () => {
    expect(outlets).toHaveLength(26);
    expect(duplicates(outlets.map((o) => o.key))).toEqual([]);
    for (const o of outlets) {
      expect(countryByCode.has(o.country), o.key).toBe(true);
      expect(o.themes.length, o.key).toBeGreaterThanOrEqual(1);
      expect(o.themes.length, o.key).toBeLessThanOrEqual(3);
      expect(duplicates(o.themes), o.key).toEqual([]);
      for (const key of o.themes) expect(themeKeys, o.key).toContain(key);
    }
  });

  it('sends 2-3 delegates per outlet, all travelling in one known group', () => {
    for (const o of outlets) {
      expect(o.delegates.length, o.key).toBeGreaterThanOrEqual(2);
      expect(o.delegates.length, o.key).toBeLessThanOrEqual(3);
      expect(new Set(o.delegates.map((d) => d.group)).size, o.key).toBe(1);
      for (const d of o.delegates) expect(groupCodes, d.nameEn).toContain(d.group);
    }
  });

  it('gives every delegate a known nationality, a real birth date and a unique passport', () => {
    expect(duplicates(delegates.map((d) => d.passportNumber))).toEqual([]);
    for (const d of delegates) {
      expect(countryByCode.has(d.nationality), d.nameEn).toBe(true);
      expect(d.dateOfBirth, d.nameEn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const born = new Date(`${d.dateOfBirth}T00:00:00Z`);
      expect(born.toISOString().slice(0, 10), d.nameEn).toBe(d.dateOfBirth);
      expect(d.passportName, d.nameEn).toMatch(/^[A-Z][A-Z' -]*$/);
    }
  });

  it('covers every theme by at least two outlets from at least two regions', () => {
    for (const key of themeKeys) {
      const covering = outlets.filter((o) => o.themes.includes(key));
      const fromRegions = new Set(covering.map((o) => countryByCode.get(o.country)?.region));
      expect(covering.length, key).toBeGreaterThanOrEqual(2);
      expect(fromRegions.size, key).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('demo data: the programme', () => {
  it('has well-formed visits whose references resolve', () => {
    for (const v of visits) {
      expect(Number.isInteger(v.day) && v.day >= 1 && v.day <= TOUR_DAYS, label(v)).toBe(true);
      expect(v.start, label(v)).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(v.end, label(v)).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(duration(v), label(v)).toBeGreaterThan(0);
      expect(v.groups.length, label(v)).toBeGreaterThan(0);
      expect(duplicates(v.groups), label(v)).toEqual([]);
      for (const g of v.groups) expect(groupCodes, label(v)).toContain(g);
      expect(cityByCode.has(v.city), label(v)).toBe(true);
      if (v.site !== null) expect(siteByKey.has(v.site), label(v)).toBe(true);
      // fromCity is set exactly on transfers.
      expect(v.fromCity !== null, label(v)).toBe(v.kind === 'transfer');
      if (v.fromCity !== null) expect(cityByCode.has(v.fromCity), label(v)).toBe(true);
      expect(v.titleZh.trim(), label(v)).not.toBe('');
      expect(v.titleEn.trim(), label(v)).not.toBe('');
    }
  });

  it('keeps every visit between 07:00 and 22:00', () => {
    for (const v of visits) {
      expect(minutesOf(v.start), label(v)).toBeGreaterThanOrEqual(7 * 60);
      expect(minutesOf(v.end), label(v)).toBeLessThanOrEqual(22 * 60);
    }
  });

  it('gives every group something on every day of the tour', () => {
    for (const g of groupCodes) {
      const days = new Set(programmeOf(g).map((v) => v.day));
      for (let day = 1; day <= TOUR_DAYS; day++)
        expect(days.has(day), `${g} day ${day}`).toBe(true);
    }
  });

  it('never books a group into two visits at once', () => {
    for (const g of groupCodes) {
      const programme = programmeOf(g);
      for (let i = 1; i < programme.length; i++) {
        const [prev, next] = [programme[i - 1] as DemoVisit, programme[i] as DemoVisit];
        expect(overlaps(prev, next), `${g}: ${label(prev)} / ${label(next)}`).toBe(false);
      }
    }
  });

  it('moves a group between cities only by a transfer long enough for the journey', () => {
    for (const g of groupCodes) {
      let here: string | null = null;
      for (const v of programmeOf(g)) {
        if (v.kind === 'transfer') {
          const from = v.fromCity ?? '';
          if (here !== null) expect(from, `${g}: ${label(v)}`).toBe(here);
          expect(from, `${g}: ${label(v)}`).not.toBe(v.city);
          const minutes = travelMinutes.get(pairKey(from, v.city));
          expect(minutes, `no travel time for ${label(v)}`).toBeDefined();
          expect(duration(v), `${g}: ${label(v)}`).toBeGreaterThanOrEqual(minutes ?? Infinity);
        } else if (here !== null) {
          expect(v.city, `${g}: ${label(v)}`).toBe(here);
        }
        here = v.city;
      }
    }
  });

  it('holds each site visit in the city of its site and within its capacity', () => {
    for (const v of visits) {
      if (v.site === null) continue;
      const site = siteByKey.get(v.site);
      expect(v.city, label(v)).toBe(site?.city);
      expect(attendance(v), label(v)).toBeLessThanOrEqual(site?.capacity ?? 0);
    }
  });

  it('never fills a site beyond capacity with visits that run at the same time', () => {
    for (const v of visits) {
      if (v.site === null) continue;
      const together = visits.filter((w) => w.site === v.site && overlaps(v, w));
      const people = together.reduce((n, w) => n + attendance(w), 0);
      expect(people, label(v)).toBeLessThanOrEqual(siteByKey.get(v.site)?.capacity ?? 0);
    }
  });

  it('starts every group in Chongqing and brings all groups together at least twice', () => {
    for (const g of groupCodes) {
      const first = programmeOf(g)[0];
      expect(first?.day).toBe(1);
      expect(cityByCode.get(first?.city ?? '')?.provinceEn).toBe('Chongqing Municipality');
    }
    const shared = visits.filter((v) => groupCodes.every((g) => v.groups.includes(g)));
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });
});
