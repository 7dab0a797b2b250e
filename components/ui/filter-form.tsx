import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

// The filter forms of the lists (delegates, accounts, audit log): GET forms, so filters live in the
// address (bookmarkable, shareable) and work without JavaScript. One look for all of them.

const control = 'min-h-11 w-full min-w-0 rounded-md border border-gray-500 bg-white px-2';

export function FilterForm({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <search>
      <form
        method="get"
        aria-label={label}
        className={cn(
          'mb-4 grid gap-3 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-3',
          className,
        )}
      >
        {children}
      </form>
    </search>
  );
}

export function SearchField({
  id,
  name,
  label,
  value,
  placeholder,
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  placeholder?: string;
  className?: string;
}) {
  return (
    <div className={cn('grid min-w-0 gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="search"
        maxLength={100}
        defaultValue={value}
        placeholder={placeholder}
        className={control}
      />
    </div>
  );
}

export function SelectField({
  id,
  name,
  label,
  value,
  options,
  allLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  /** The first entry, meaning "no filter"; none when a choice is required. */
  allLabel?: string;
}) {
  return (
    <div className="grid min-w-0 gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={control}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateField({
  id,
  name,
  label,
  value,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
}) {
  return (
    <div className="grid min-w-0 gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} type="date" defaultValue={value} className={control} />
    </div>
  );
}

/** Apply, and a link back to the unfiltered list when something is filtered. */
export function FilterButtons({
  apply,
  clear,
  filtered,
  clearHref = '?',
}: {
  apply: string;
  clear: string;
  filtered: boolean;
  /** Where "clear" leads: the bare list unless a page keeps something (the programme its day). */
  clearHref?: string;
}) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      <button
        type="submit"
        className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
      >
        {apply}
      </button>
      {filtered ? (
        <a
          href={clearHref}
          className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
        >
          {clear}
        </a>
      ) : null}
    </div>
  );
}
