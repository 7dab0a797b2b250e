'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/cn';

export function TourNav({ tourId }: { tourId: string }) {
  const t = useTranslations('tour');
  const pathname = usePathname();
  const base = `/tours/${tourId}`;
  const links = [
    { href: base, label: t('overview') },
    { href: `${base}/outlets`, label: t('outlets') },
    { href: `${base}/programme`, label: t('programme') },
    { href: `${base}/delegates`, label: t('delegates') },
    { href: `${base}/groups`, label: t('groups') },
    { href: `${base}/coverage`, label: t('coverage') },
    { href: `${base}/import`, label: t('import') },
    { href: `${base}/settings`, label: t('settings') },
    { href: '/places', label: t('places') },
  ];
  return (
    <nav aria-label={t('nav')} className="mb-6 border-b border-gray-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {links.map((link) => {
          const current =
            pathname === link.href || (link.href !== base && pathname.startsWith(`${link.href}/`));
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap',
                  current
                    ? 'border-brand-600 text-brand-800'
                    : 'border-transparent text-gray-700 hover:border-gray-300 hover:text-gray-900',
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
