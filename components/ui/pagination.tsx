import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Previous / next links that keep the current filters; nothing when there is one page. */
export function Pagination({
  page,
  pages,
  hrefFor,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations('delegates');
  if (pages <= 1) return null;
  const link =
    'inline-flex min-h-11 items-center rounded-md border border-gray-500 bg-white px-3 text-sm font-medium text-gray-900 hover:bg-gray-100';
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          {t('previous')}
        </Link>
      ) : null}
      <span className="text-sm text-gray-800" aria-current="page">
        {t('pageOf', { page, pages })}
      </span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}

/** A query string from filter values, leaving out the empty ones. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
