import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireTourScope } from '@/lib/dal/guards';
import { getTourProblems } from '@/lib/dal/problems';
import { pick } from '@/lib/i18n/pick';
import { inReaderScript } from '@/lib/i18n/script';
import { formatDayLabel } from '@/lib/time';

/** The problems panel: every warning of the tour, by day, each leading to its visit on the board. */
export default async function ProblemsPage({ params }: { params: Promise<{ tourId: string }> }) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const [{ byDay, total, titles, groupCodes }, t, tb, locale] = await Promise.all([
    getTourProblems(scope),
    getTranslations('board.problems'),
    getTranslations('board.board'),
    getLocale(),
  ]);
  const board = `/tours/${tour.id}/programme`;
  return (
    <>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{tb('problemsLink', { count: total })}</h1>
        <Link href={board} className="font-medium text-brand-700 underline">
          {tb('title')}
        </Link>
      </div>
      <p className="mb-4 text-sm text-gray-700">{t('intro')}</p>
      {total === 0 ? <p>{t('none')}</p> : null}
      <div className="grid gap-4">
        {[...byDay].map(([day, problems]) => (
          <section key={day} aria-labelledby={`problems-${day}`} data-testid="problem-day">
            <h2 id={`problems-${day}`} className="mb-1 text-lg font-semibold">
              {formatDayLabel(day, locale)}
            </h2>
            <ul className="grid gap-1">
              {problems.map((p) => {
                const first = titles.get(p.visitIds[0] ?? '');
                return (
                  <li key={`${p.kind}:${p.groupId ?? ''}:${p.visitIds.join()}`} className="text-sm">
                    {t(p.kind, { ...p.params, group: groupCodes.get(p.groupId ?? '') ?? '' })}{' '}
                    {first ? (
                      <Link
                        href={`${board}?day=${day}&visit=${p.visitIds[0]}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {t('visit', {
                          title: pick(locale, inReaderScript(locale, first.zh), first.en),
                        })}
                      </Link>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
