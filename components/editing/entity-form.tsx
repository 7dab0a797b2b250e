'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useId, useRef } from 'react';
import type { ActionResult } from '@/lib/dal/action-result';

// One form for every editing screen: the page (a server component) translates the labels and
// passes the fields; this renders them with their errors, keeps what was typed when the server
// refuses it, and announces the outcome. Works from the keyboard and with a screen reader: every
// field has a label, an error is tied to its field and read out.

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  type:
    | 'text'
    | 'number'
    | 'date'
    | 'time'
    | 'datetime-local'
    | 'email'
    | 'url'
    | 'select'
    | 'textarea'
    | 'checkboxes';
  defaultValue?: string | string[] | null;
  options?: FieldOption[];
  required?: boolean;
  hint?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Spans both columns on wide screens. */
  wide?: boolean;
}

type AnyAction = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

export interface EntityFormText {
  submit: string;
  saving: string;
  saved: string;
  optional: string;
}

export function EntityForm({
  title,
  action,
  hidden = {},
  fields,
  text,
  redirectTo,
  resetOnSuccess = false,
  testId,
}: {
  title: string;
  action: AnyAction;
  hidden?: Record<string, string>;
  fields: FieldSpec[];
  text: EntityFormText;
  /** Where to go after a save; `{id}` becomes the saved row's id. */
  redirectTo?: string;
  resetOnSuccess?: boolean;
  testId?: string;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const uid = useId();
  const [state, run, pending] = useActionState(async (previous: unknown, data: FormData) => {
    const result = await action(previous, data);
    if (result.ok) {
      const id = (result.data as { id?: string } | undefined)?.id ?? '';
      if (redirectTo) router.push(redirectTo.replace('{id}', id));
      else router.refresh();
      if (resetOnSuccess) form.current?.reset();
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const idOf = (name: string) => `${uid}-${name}`;
  const errorId = (name: string) => (errors[name] ? `${idOf(name)}-error` : undefined);
  const hintId = (f: FieldSpec) => (f.hint ? `${idOf(f.name)}-hint` : undefined);
  const describedBy = (f: FieldSpec) =>
    [hintId(f), errorId(f.name)].filter(Boolean).join(' ') || undefined;

  return (
    <form
      ref={form}
      data-testid={testId}
      aria-labelledby={`${uid}-title`}
      onSubmit={(event) => {
        // Submitted by hand so a refused form keeps what was typed.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => run(data));
      }}
      className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4"
    >
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => (
          <div key={f.name} className={`grid content-start gap-1 ${f.wide ? 'sm:col-span-2' : ''}`}>
            {f.type === 'checkboxes' ? (
              <fieldset aria-describedby={describedBy(f)} className="grid gap-1">
                <legend className="text-sm font-medium">{f.label}</legend>
                <div className="flex flex-wrap gap-x-4">
                  {f.options?.map((o) => (
                    <label key={o.value} className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name={f.name}
                        value={o.value}
                        defaultChecked={
                          Array.isArray(f.defaultValue) && f.defaultValue.includes(o.value)
                        }
                        className="h-5 w-5"
                      />
                      {o.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : (
              <>
                <label htmlFor={idOf(f.name)} className="text-sm font-medium">
                  {f.label}
                  {f.required ? null : (
                    <span className="font-normal text-gray-700"> {text.optional}</span>
                  )}
                </label>
                <Control
                  f={f}
                  id={idOf(f.name)}
                  invalid={!!errors[f.name]}
                  describedBy={describedBy(f)}
                />
              </>
            )}
            {f.hint ? (
              <p id={hintId(f)} className="text-sm text-gray-700">
                {f.hint}
              </p>
            ) : null}
            {errors[f.name] ? (
              <p id={errorId(f.name)} className="text-sm font-medium text-red-800">
                {errors[f.name]?.join(' ')}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? text.saving : text.submit}
        </button>
        <p role="status" className="text-sm font-medium text-green-800">
          {state?.ok ? text.saved : ''}
        </p>
      </div>
      <p role="alert" className="text-sm font-medium text-red-800">
        {state && !state.ok ? state.message : ''}
      </p>
    </form>
  );
}

function Control({
  f,
  id,
  invalid,
  describedBy,
}: {
  f: FieldSpec;
  id: string;
  invalid: boolean;
  describedBy: string | undefined;
}) {
  const common = {
    id,
    name: f.name,
    required: f.required,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    className: 'input',
    defaultValue: typeof f.defaultValue === 'string' ? f.defaultValue : undefined,
  };
  if (f.type === 'select') {
    return (
      <select {...common}>
        {f.required ? null : <option value="">—</option>}
        {f.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (f.type === 'textarea') {
    return <textarea {...common} rows={3} maxLength={f.maxLength} />;
  }
  return (
    <input
      {...common}
      type={f.type}
      maxLength={f.maxLength}
      min={f.min}
      max={f.max}
      autoComplete="off"
    />
  );
}
