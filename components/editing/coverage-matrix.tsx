'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setOutletThemeAction } from '@/lib/actions/editing';

export interface MatrixTheme {
  id: string;
  label: string;
}

export interface MatrixOutlet {
  id: string;
  label: string;
  themeIds: string[];
  warning: string | null;
}

/**
 * Outlets down, themes across, a checkbox per cell. Each checkbox is named by its outlet and theme
 * for screen readers; a change is saved at once and the page's counts and warnings refreshed.
 */
export function CoverageMatrix({
  tourId,
  themes,
  outlets,
  text,
}: {
  tourId: string;
  themes: MatrixTheme[];
  outlets: MatrixOutlet[];
  text: { caption: string; outlet: string; cell: string; saving: string; saved: string };
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState('');
  const [on, setOn] = useState(
    () => new Set(outlets.flatMap((o) => o.themeIds.map((t) => `${o.id}:${t}`))),
  );
  const toggle = (outletId: string, themeId: string, checked: boolean) => {
    const key = `${outletId}:${themeId}`;
    setOn((prev) => {
      const next = new Set(prev);
      if (checked) next.add(key);
      else next.delete(key);
      return next;
    });
    setMessage(text.saving);
    startTransition(async () => {
      const result = await setOutletThemeAction(null, { tourId, outletId, themeId, on: checked });
      if (result.ok) {
        setMessage(text.saved);
        router.refresh();
      } else {
        setOn((prev) => {
          const next = new Set(prev);
          if (checked) next.delete(key);
          else next.add(key);
          return next;
        });
        setMessage(result.message);
      }
    });
  };
  return (
    <div>
      <p role="status" aria-busy={pending} className="mb-2 min-h-6 text-sm font-medium">
        {message}
      </p>
      <section className="overflow-x-auto" aria-label={text.caption}>
        <table className="data-table" data-testid="coverage-matrix">
          <caption className="sr-only">{text.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.outlet}</th>
              {themes.map((t) => (
                <th key={t.id} scope="col" className="min-w-24 text-xs">
                  {t.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outlets.map((o) => (
              <tr key={o.id}>
                <th scope="row" className="text-left text-sm font-medium">
                  {o.label}
                  {o.warning ? (
                    <span className="badge badge-warning ml-1 block w-fit">{o.warning}</span>
                  ) : null}
                </th>
                {themes.map((t) => (
                  <td key={t.id} className="text-center">
                    <input
                      type="checkbox"
                      className="h-6 w-6"
                      aria-label={text.cell
                        .replace('{outlet}', o.label)
                        .replace('{theme}', t.label)}
                      checked={on.has(`${o.id}:${t.id}`)}
                      onChange={(event) => toggle(o.id, t.id, event.currentTarget.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
