import { cn } from '@/lib/cn';

// Shared looks of the admin forms: 44 px targets, text and borders dark enough for AA contrast.

export const inputClass =
  'min-h-11 w-full min-w-0 rounded-md border border-gray-500 bg-white px-3 text-gray-900';

export const primaryButtonClass =
  'min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70';

export const secondaryButtonClass =
  'min-h-10 rounded-md border border-gray-500 bg-white px-3 text-sm font-medium text-gray-900 hover:bg-gray-100 disabled:cursor-wait disabled:opacity-70';

export const dangerButtonClass =
  'min-h-10 rounded-md border border-red-700 bg-white px-3 text-sm font-medium text-red-800 hover:bg-red-50 disabled:cursor-wait disabled:opacity-70';

/** The failure message of an action, read out as soon as it appears. */
export function ActionError({
  state,
  className,
}: {
  state: { ok: boolean; message?: string } | null;
  className?: string;
}) {
  return (
    <p role="alert" className={cn('text-sm font-medium text-red-800', className)}>
      {state && !state.ok ? state.message : ''}
    </p>
  );
}
