import type { PlanContext, PlanVisit } from './problems';

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
