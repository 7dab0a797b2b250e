import { cn } from '@/lib/cn';

// Shared looks of the admin forms, defined once in app/globals.css.

export const inputClass = 'input';

export const primaryButtonClass = 'btn-primary';

export const secondaryButtonClass = 'btn-secondary';

export const dangerButtonClass = 'btn-danger';

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
