'use client';

import { useEffect, useRef, useState } from 'react';

interface Choice {
  value: string;
  label: string;
}

export interface DelegateExportFormLabels {
  narrow: string;
  any: string;
  country: string;
  themes: string;
  city: string;
  date: string;
  sensitive: string;
  passport: string;
  nationality: string;
  dob: string;
  xlsx: string;
  csv: string;
  printShort: string;
}

/**
 * The Export menu's form that narrows the file by country, theme, or city and day. It is drawn
 * when the menu opens: closed, as a coordinator finds the list, it costs the page nothing but its
 * choices. A plain GET to the download address, so the address can be bookmarked.
 */
export function DelegateExportForm({
  tourId,
  hidden,
  sensitive,
  choices,
  days,
  labels,
}: {
  tourId: string;
  /** The list's filters, kept in the file. */
  hidden: [string, string][];
  sensitive: boolean;
  choices: { countries: Choice[]; themes: Choice[]; cities: Choice[] };
  days: { first: string; last: string };
  labels: DelegateExportFormLabels;
}) {
  const anchor = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const menu = anchor.current?.closest('details');
    if (!menu) return;
    // Opened before the page was interactive, too.
    const sync = () => setOpen(menu.open);
    sync();
    menu.addEventListener('toggle', sync);
    return () => menu.removeEventListener('toggle', sync);
  }, []);
  const api = `/api/tours/${tourId}/exports`;
  const select = (name: string, label: string, options: Choice[]) => (
    <div className="grid gap-1">
      <label htmlFor={`export-${name}`} className="font-medium">
        {label}
      </label>
      <select id={`export-${name}`} name={name} defaultValue="" className="input">
        <option value="">{labels.any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div ref={anchor}>
      {open ? (
        <form method="get" action={`${api}/delegates.xlsx`} className="grid gap-2 border-t pt-2">
          {hidden.map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <p className="font-medium">{labels.narrow}</p>
          {select('country', labels.country, choices.countries)}
          {select('theme', labels.themes, choices.themes)}
          {select('city', labels.city, choices.cities)}
          <div className="grid gap-1">
            <label htmlFor="export-date" className="font-medium">
              {labels.date}
            </label>
            <input
              id="export-date"
              type="date"
              name="date"
              min={days.first}
              max={days.last}
              className="input"
            />
          </div>
          {sensitive ? (
            <fieldset className="grid gap-1">
              <legend className="font-medium">{labels.sensitive}</legend>
              {(['passport', 'nationality', 'dob'] as const).map((name) => (
                <label key={name} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name={name} value="1" className="size-5" />
                  {labels[name]}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-secondary">
              {labels.xlsx}
            </button>
            <button type="submit" formAction={`${api}/delegates.csv`} className="btn-secondary">
              {labels.csv}
            </button>
            <button
              type="submit"
              formAction={`/tours/${tourId}/print/delegates`}
              className="btn-secondary"
            >
              {labels.printShort}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
