import type { ReactNode } from 'react';
import { displayText } from '@/lib/exports/cells';
import type { ExportTable } from '@/lib/exports/table';
import { htmlLang, isLocale } from '@/lib/i18n/locales';
import { PrintButton } from './print-button';

/** An export as an A4 print view: the same title, header and rows as its files. */
export function PrintTable({
  table,
  lang,
  printLabel,
  countLabel,
  actions,
}: {
  table: ExportTable;
  lang: string;
  printLabel: string;
  countLabel: string;
  /** Links shown above, never printed (the files of the same list). */
  actions?: ReactNode;
}) {
  return (
    <article lang={isLocale(lang) ? htmlLang[lang] : 'en'} data-testid="print-view">
      <div className="no-print mb-3 grid gap-2">
        <div>
          <PrintButton label={printLabel} />
        </div>
        {actions}
      </div>
      <h1 className="text-xl font-bold">{table.title}</h1>
      {table.subtitle.map((line) => (
        <p key={line} className="text-sm text-gray-700">
          {line}
        </p>
      ))}
      {table.header.length ? (
        <dl className="my-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {table.header.map(([label, value], i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat (times of a day)
            <div key={i} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd>{value || '—'}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="my-2 text-sm" role="status">
        {countLabel}
      </p>
      <div className="overflow-x-auto">
        <table className="print-table">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered, in order, and never move
              <tr key={r}>
                {table.columns.map((c, i) => (
                  <td key={c.key}>{displayText(row[i], c.kind, table.timeZone)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
