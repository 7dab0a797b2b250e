'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { BoardData, ShownVisit } from '@/lib/dal/board';
import { pick } from '@/lib/i18n/pick';
import type { Problem } from '@/lib/schedule/problems';
import type { NameOf } from './use-board';

/** The day's problems in words, each leading to the visit to fix. */
export function ProblemList({
  problems,
  visits,
  groups,
  name,
  onOpen,
}: {
  problems: Problem[];
  visits: ShownVisit[];
  groups: BoardData['groups'];
  name: NameOf;
  onOpen: (visit: ShownVisit) => void;
}) {
  const t = useTranslations('board.problems');
  return (
    <section
      aria-labelledby="day-problems"
      className="rounded-lg border border-gray-200 bg-white p-3"
    >
      <h2 id="day-problems" className="mb-2 text-lg font-semibold">
        {t('title')}
      </h2>
      {problems.length === 0 ? (
        <p className="text-sm text-gray-700">{t('none')}</p>
      ) : (
        <ul className="grid gap-2" data-testid="problems">
          {problems.map((p) => (
            <ProblemItem
              key={`${p.kind}:${p.groupId ?? ''}:${p.visitIds.join(',')}`}
              problem={p}
              visits={visits}
              groups={groups}
              name={name}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

export function ProblemItem({
  problem,
  visits,
  groups,
  name,
  onOpen,
}: {
  problem: Problem;
  visits: ShownVisit[];
  groups: BoardData['groups'];
  /** The board's names in the reader's script; elsewhere the visits come converted. */
  name?: NameOf;
  onOpen?: (visit: ShownVisit) => void;
}) {
  const t = useTranslations('board.problems');
  const locale = useLocale();
  const group = groups.find((g) => g.id === problem.groupId)?.code ?? '';
  const visit = visits.find((v) => v.id === problem.visitIds[0]);
  return (
    <li className="text-sm" data-testid="problem" data-kind={problem.kind}>
      <span>{t(problem.kind, { ...problem.params, group })}</span>
      {visit && onOpen ? (
        <>
          {' '}
          <button
            type="button"
            className="font-medium text-brand-700 underline"
            onClick={() => onOpen(visit)}
          >
            {t('visit', {
              title: name
                ? name(visit.titleZh, visit.titleEn)
                : pick(locale, visit.titleZh, visit.titleEn),
            })}
          </button>
        </>
      ) : null}
    </li>
  );
}
