'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useId, useRef } from 'react';
import type { ActionResult } from '@/lib/dal/action-result';
import type { FieldOption } from './entity-form';

type AnyAction = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * A bulk action over a list: tick rows, choose a target, apply. Used to move delegates to a group
 * and to give a theme to several outlets. A fieldset of checkboxes, a labelled menu and a button:
 * all of it usable from the keyboard, the outcome read out.
 */
export function BulkForm({
  action,
  hidden,
  rows,
  rowsName,
  rowsLegend,
  target,
  text,
  testId,
}: {
  action: AnyAction;
  hidden: Record<string, string>;
  rows: { id: string; label: string; detail?: string }[];
  rowsName: string;
  rowsLegend: string;
  target: { name: string; label: string; options: FieldOption[]; emptyLabel?: string };
  text: { submit: string; done: string; none: string; selectAll: string };
  testId?: string;
}) {
  const router = useRouter();
  const uid = useId();
  const form = useRef<HTMLFormElement>(null);
  const [state, run, pending] = useActionState(async (previous: unknown, data: FormData) => {
    const result = await action(previous, data);
    if (result.ok) {
      form.current?.reset();
      router.refresh();
    }
    return result;
  }, null);
  return (
    <form
      ref={form}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => run(data));
      }}
      className="grid gap-3 rounded-lg border border-gray-200 bg-white p-4"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-1">
        <label htmlFor={`${uid}-target`} className="text-sm font-medium">
          {target.label}
        </label>
        <select
          id={`${uid}-target`}
          name={target.name}
          className="input"
          required={!target.emptyLabel}
        >
          {target.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {target.emptyLabel !== undefined ? <option value="">{target.emptyLabel}</option> : null}
        </select>
      </div>
      <fieldset className="grid gap-1">
        <legend className="text-sm font-medium">{rowsLegend}</legend>
        {rows.length === 0 ? <p className="text-sm">{text.none}</p> : null}
        {rows.length > 1 ? (
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              className="h-5 w-5"
              onChange={(event) => {
                for (const box of form.current?.querySelectorAll<HTMLInputElement>(
                  `input[name="${rowsName}"]`,
                ) ?? []) {
                  box.checked = event.currentTarget.checked;
                }
              }}
            />
            {text.selectAll}
          </label>
        ) : null}
        <ul className="grid gap-0 sm:grid-cols-2">
          {rows.map((r) => (
            <li key={r.id}>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name={rowsName} value={r.id} className="h-5 w-5 shrink-0" />
                <span>
                  {r.label}
                  {r.detail ? <span className="text-gray-700"> · {r.detail}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending || rows.length === 0}>
          {text.submit}
        </button>
        <p role="status" className="text-sm font-medium">
          {state?.ok ? text.done : ''}
        </p>
      </div>
      <p role="alert" className="text-sm font-medium text-red-800">
        {state && !state.ok ? state.message : ''}
      </p>
    </form>
  );
}
