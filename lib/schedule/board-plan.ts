import { findProblems, type PlanContext, type PlanVisit, type Problem } from './problems';

// The board's data travels as JSON; these turn it back into what the checks read, in the browser
// as on the server.

export interface PlanContextJson {
  settings: PlanContext['settings'];
  travel: [string, number][];
  sites: [string, PlanContext['sites'] extends Map<string, infer S> ? S : never][];
  groupSizes: [string, number][];
  stays: [string, { delegateId: string; arrivesAt: string | null; departsAt: string | null }[]][];
}

export function planContextFromJson(json: PlanContextJson): PlanContext {
  return {
    settings: json.settings,
    travel: new Map(json.travel),
    sites: new Map(json.sites),
    groupSizes: new Map(json.groupSizes),
    stays: new Map(
      json.stays.map(([g, list]) => [
        g,
        list.map((s) => ({
          delegateId: s.delegateId,
          arrivesAt: s.arrivesAt ? new Date(s.arrivesAt) : null,
          departsAt: s.departsAt ? new Date(s.departsAt) : null,
        })),
      ]),
    ),
  };
}

export interface VisitJson {
  id: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  siteId: string | null;
  cityId: string | null;
  fromCityId: string | null;
  groupIds: string[];
  cancelled: boolean;
}

export function planVisitOf(v: VisitJson): PlanVisit {
  return { ...v, startsAt: new Date(v.startsAt), endsAt: new Date(v.endsAt) };
}

/** The board's day's problems: its visits (and their neighbours) checked against the context. */
export function dayProblems(visits: VisitJson[], context: PlanContext, day: string): Problem[] {
  return findProblems(visits.map(planVisitOf), context).filter((p) => p.day === day);
}

/**
 * Of the visits around a day, those the day's checks can need: every visit that touches the day,
 * and for each group its last visit before the day and its first after it (a transfer or a short
 * night across the day's edge). The rest of the neighbouring days is not sent to the browser.
 */
export function visitsAroundDay<
  V extends { startsAt: string; endsAt: string; groupIds: string[]; cancelled: boolean },
>(visits: V[], dayStart: Date, dayEnd: Date): V[] {
  const start = dayStart.getTime();
  const end = dayEnd.getTime();
  const before = new Map<string, V>();
  const after = new Map<string, V>();
  const keep = new Set<V>();
  for (const v of visits) {
    const s = Date.parse(v.startsAt);
    const e = Date.parse(v.endsAt);
    if (s < end && e > start) {
      keep.add(v);
      continue;
    }
    if (v.cancelled) continue;
    for (const g of v.groupIds) {
      if (e <= start) {
        const last = before.get(g);
        if (!last || Date.parse(last.endsAt) < e) before.set(g, v);
      } else {
        const first = after.get(g);
        if (!first || Date.parse(first.startsAt) > s) after.set(g, v);
      }
    }
  }
  for (const v of [...before.values(), ...after.values()]) keep.add(v);
  return visits.filter((v) => keep.has(v));
}
