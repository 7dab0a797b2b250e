import { NextResponse } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { authedRoute } from '@/lib/dal/route';
import { tourScope } from '@/lib/dal/scope';
import { getVisitHistory } from '@/lib/dal/visit-history';
import { pick } from '@/lib/i18n/pick';
import { inReaderScript } from '@/lib/i18n/script';
import { describeChanges } from '@/lib/schedule/visit-diff';
import { formatDateTime } from '@/lib/time';

export const dynamic = 'force-dynamic';

// A visit's history, in words in the reader's language (names in their script): who changed
// what, from what to what.
export const GET = authedRoute(
  {
    name: 'visitHistory',
    roles: ['organizer', 'coordinator'],
    params: z.object({ tourId: z.uuid(), visitId: z.uuid() }),
    query: z.object({}),
  },
  async ({ viewer, params, notFound }) => {
    const scope = tourScope(viewer, params.tourId);
    if (!scope) return notFound('notOnTour');
    const history = await getVisitHistory(scope, params.visitId);
    const [locale, t, tKind, tMode] = await Promise.all([
      getLocale(),
      getTranslations('board.history'),
      getTranslations('visitKind'),
      getTranslations('board.transport'),
    ]);
    const name = (row: { nameZh: string; nameEn: string } | undefined) =>
      row ? pick(locale, inReaderScript(locale, row.nameZh), row.nameEn) : '';
    const names = {
      place: (siteId: string | null, cityId: string | null) =>
        [name(history.sites.get(siteId ?? '')), name(history.cities.get(cityId ?? ''))]
          .filter(Boolean)
          .join(' · ') || '—',
      groups: (ids: string[]) => ids.map((id) => history.groups.get(id) ?? '?').join(', '),
      kind: (kind: string) => (tKind.has(kind as never) ? tKind(kind as never) : kind),
      transport: (mode: string | null) =>
        mode && tMode.has(mode as never) ? tMode(mode as never) : '',
      pick: (zh: string | null, en: string | null) => pick(locale, inReaderScript(locale, zh), en),
      timeZone: history.timeZone,
      locale,
    };
    const entries = history.entries.map((e) => {
      const verb = e.action.replace('visit.', '') as
        | 'created'
        | 'updated'
        | 'cancelled'
        | 'restored';
      const changes =
        e.detail?.before && e.detail.after
          ? describeChanges(e.detail.before, e.detail.after, names)
          : [];
      return {
        id: e.id,
        at: formatDateTime(e.at, history.timeZone, locale),
        summary: t(verb, { who: e.actorEmail ?? '—' }),
        changes: changes.map((c) => ({
          label: t(`field.${c.part}`),
          text: t('from', { before: c.before, after: c.after }),
        })),
      };
    });
    return NextResponse.json({ entries }, { headers: { 'Cache-Control': 'no-store' } });
  },
);
