import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DayList } from '@/components/programme/day-list';
import { cn } from '@/lib/cn';
import { requireTourScope } from '@/lib/dal/guards';
import { getProgramme } from '@/lib/dal/programme';
import { getTourCounts } from '@/lib/dal/tours';
import { groupByTourDay } from '@/lib/programme';

const filterSchema = z.object({
  group: z
    .string()
    .regex(/^[A-Za-z0-9]{1,10}$/)
    .optional()
    .catch(undefined),
});

export default async function ProgrammePage({
  params,
  searchParams,
}: {
  params: Promise<{ tourId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope, tour } = await requireTourScope((await params).tourId);
  const { group } = filterSchema.parse(await searchParams);
  const [programme, counts, t] = await Promise.all([
    getProgramme(scope),
    getTourCounts(scope, tour.timeZone),
    getTranslations('programme'),
  ]);
  const groupCodes = counts.byGroup.map((g) => g.code);
  const selected = group && groupCodes.includes(group) ? group : undefined;
  const days = groupByTourDay(
    selected ? programme.filter((v) => v.groups.includes(selected)) : programme,
    tour,
  );
  const base = `/tours/${tour.id}/programme`;

  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('title')}</h1>

      <nav aria-label={t('groupFilter')} className="mb-3">
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...groupCodes].map((code) => (
            <li key={code ?? 'all'}>
              <Link
                href={code ? `${base}?group=${code}` : base}
                aria-current={selected === code ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-9 items-center rounded-full border px-3 text-sm',
                  selected === code
                    ? 'border-brand-700 bg-brand-700 text-white'
                    : 'border-gray-300 bg-white hover:border-brand-600',
                )}
              >
                {code ? `${t('group')} ${code}` : t('allGroups')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <nav aria-label={t('jumpToDay')} className="mb-4">
        <ol className="flex gap-1 overflow-x-auto pb-1">
          {days.map((day, i) => (
            <li key={day.date}>
              <a
                href={`#day-${day.date}`}
                className="inline-flex min-h-9 items-center rounded border border-gray-300 bg-white px-2 text-sm whitespace-nowrap hover:border-brand-600"
              >
                {t('day', { n: i + 1 })}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <DayList days={days} timeZone={tour.timeZone} />
    </>
  );
}
