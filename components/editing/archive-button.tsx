'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/dal/action-result';

type AnyAction = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/** A one-button form (archive, restore) that asks first and then says what happened. */
export function ConfirmButton({
  action,
  hidden,
  label,
  confirm,
  done,
  redirectTo,
  tone = 'danger',
}: {
  action: AnyAction;
  hidden: Record<string, string>;
  label: string;
  confirm: string;
  done: string;
  redirectTo?: string;
  tone?: 'danger' | 'secondary';
}) {
  const router = useRouter();
  const [state, run, pending] = useActionState(async (previous: unknown, data: FormData) => {
    const result = await action(previous, data);
    if (result.ok) {
      if (redirectTo) router.push(redirectTo);
      else router.refresh();
    }
    return result;
  }, null);
  return (
    <form
      action={run}
      onSubmit={(event) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }}
      className="flex flex-wrap items-center gap-3"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={tone === 'danger' ? 'btn-danger' : 'btn-secondary'}
      >
        {label}
      </button>
      <p role="status" className="text-sm font-medium">
        {state?.ok ? done : state && !state.ok ? state.message : ''}
      </p>
    </form>
  );
}
