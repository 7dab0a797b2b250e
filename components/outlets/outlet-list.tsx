'use client';

import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import type { OutletCard } from '@/lib/outlets/card';

export interface OutletListLabels {
  title: string;
  delegates: string;
  themes: string;
  mediaTypes: Record<OutletCard['mediaType'], string>;
}

/**
 * One page of outlets as cards. A client component on purpose, as the delegates table: the cards
 * travel once as data, not as markup twice (HTML and the server-component payload).
 */
export function OutletList({
  outlets,
  tourId,
  labels,
  locale,
}: {
  outlets: OutletCard[];
  tourId: string;
  labels: OutletListLabels;
  locale: string;
}) {
  return (
    <ul className="grid gap-2" aria-label={labels.title}>
      {outlets.map((o) => (
        <li key={o.id} data-testid="outlet" className="outlet-card">
          <div>
            <h2 className="font-semibold">
              {/* A plain link, as on the delegates list: no prefetch per card. */}
              <a
                href={`/tours/${tourId}/outlets/${o.id}`}
                className="text-brand-700 hover:underline"
              >
                <BilingualName zh={o.nameZh} en={o.nameEn} locale={locale} />
              </a>
            </h2>
            <p className="text-sm text-gray-700">
              {o.country} · {o.region} · {labels.mediaTypes[o.mediaType]}
            </p>
          </div>
          <dl className="outlet-facts">
            <dt className="text-gray-700">{labels.delegates}</dt>
            <dd>{o.delegateCount}</dd>
            <dt className="text-gray-700">{labels.themes}</dt>
            <dd className="flex flex-wrap gap-1">
              {o.themes.map((theme) => (
                <Badge key={theme} tone="brand">
                  {theme}
                </Badge>
              ))}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
