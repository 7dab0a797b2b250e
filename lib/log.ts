import pino from 'pino';
import pretty from 'pino-pretty';

// One structured line per event: JSON when the output is a file or a collector, readable text on
// a terminal. Nothing logged here carries secrets: callers pass ids, codes and counts, and errors
// go through `errorFields`, which keeps a database error's code but never its data.

const store = globalThis as typeof globalThis & { __tourdeskLog?: pino.Logger };

export function log(): pino.Logger {
  store.__tourdeskLog ??= pino(
    { level: process.env.LOG_LEVEL ?? 'info', base: undefined },
    process.stdout.isTTY ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss' }) : undefined,
  );
  return store.__tourdeskLog;
}

/** What may be logged of an error: its kind, its SQLSTATE and constraint, where it was thrown. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: typeof err };
  const cause = (
    err as { cause?: { code?: unknown; constraint?: unknown; constraint_name?: unknown } }
  ).cause;
  const message = err.message.split('\nparams:')[0]?.slice(0, 500);
  return {
    error: err.name,
    message,
    ...(cause?.code ? { sqlstate: String(cause.code) } : {}),
    ...(cause?.constraint || cause?.constraint_name
      ? { constraint: String(cause.constraint ?? cause.constraint_name) }
      : {}),
    stack: (err.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 8)
      .map((line) => line.trim()),
  };
}
