import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Board } from '@/components/board/board';
import { ClientMessages } from '@/components/i18n/client-messages';
import { DayNav } from '@/components/programme/day-nav';
import { Pagination, queryString } from '@/components/ui/pagination';
import { forReader, getBoardFirstPaint } from '@/lib/dal/board';
import { requireTourScope } from '@/lib/dal/guards';
import { formatDayLabel } from '@/lib/time';
import { listPage } from '@/lib/validation/list-params';

const paramsSchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  groups: listPage,
  /** A visit to open at once (from the problems panel). */
  visit: z.uuid().optional().catch(undefined),
});

/**
 * The coordinators' programme: the schedule board, one day of every group (twenty at a time),
 * today's first while the tour runs. The printable list is one link away.
 */
export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const query = paramsSchema.parse(await searchParams);
  const [board, t, locale] = await Promise.all([
    getBoardFirstPaint(scope, { day: query.day, groupPage: query.groups }),
    getTranslations('board.board'),
    getLocale(),
  ]);
  if (!board) return null;
  const base = `/tours/${tour.id}/programme`;
  return (
    <>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <div className="flex flex-wrap gap-4">
          <Link href={`${base}/problems`} className="font-medium text-brand-700 underline">
            {t('allProblems')}
          </Link>
          <Link
            href={`${base}/list?day=${board.day}`}
            className="font-medium text-brand-700 underline"
          >
            {t('printable')}
          </Link>
        </div>
      </div>
      <DayNav
        dates={board.tour.dates}
        current={board.day}
        hrefFor={(date) =>
          `${base}${queryString({ day: date, groups: board.groupPage > 1 ? board.groupPage : undefined })}`
        }
        className="mb-3"
      />
      <h2 className="mb-2 text-lg font-semibold">{formatDayLabel(board.day, locale)}</h2>
      <ClientMessages namespaces={['board', 'visitKind']}>
        <Board
          // A new language is a new board: its cached data holds names in the old one.
          key={`${board.day}:${board.groupPage}:${locale}`}
          initial={forReader(board, locale)}
          openVisit={query.visit}
        />
      </ClientMessages>
      <Pagination
        page={board.groupPage}
        pages={board.groupPages}
        hrefFor={(page) => `${base}${queryString({ day: board.day, groups: page })}`}
      />
    </>
  );
}
