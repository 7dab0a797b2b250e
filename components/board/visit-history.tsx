'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

interface Entry {
  id: number;
  at: string;
  summary: string;
  changes: { label: string; text: string }[];
}

/** A visit's history, read when the coordinator opens it: who changed what, in words. */
export function VisitHistory({ tourId, visitId }: { tourId: string; visitId: string }) {
  const t = useTranslations('board.form');
  const th = useTranslations('board.history');
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['visit-history', tourId, visitId],
    queryFn: async () => {
      const res = await fetch(`/api/tours/${tourId}/visits/${visitId}/history`);
      if (!res.ok) throw new Error(`history ${res.status}`);
      return (await res.json()) as { entries: Entry[] };
    },
    enabled: open,
  });
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} className="text-sm">
      <summary className="cursor-pointer font-medium">{t('history')}</summary>
      {history.data ? (
        history.data.entries.length === 0 ? (
          <p>{th('empty')}</p>
        ) : (
          <ol className="mt-2 grid gap-2" data-testid="visit-history">
            {[...history.data.entries].reverse().map((e) => (
              <li key={e.id}>
                <p>
                  <span className="font-medium">{e.summary}</span> · {e.at}
                </p>
                {e.changes.length ? (
                  <ul className="ml-4 list-disc">
                    {e.changes.map((c) => (
                      <li key={c.label}>
                        {c.label}: {c.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </details>
  );
}
