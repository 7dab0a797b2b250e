import { PgPreparedQuery } from 'drizzle-orm/pg-core';

// A failed query must never print its parameters: they hold password hashes, passport numbers,
// whatever a person typed. Drizzle puts them in the error's message ("params: ...") and PGlite on
// its error's `params`, and Next prints an escaping error whole. Every query of both drivers goes
// through PgPreparedQuery.queryWithCache, so errors are scrubbed there, once, for the process.

const dataKeys = ['params', 'parameters', 'query', 'queryOptions', 'detail', 'where', 'args'];

function drop(target: object, key: string): void {
  try {
    delete (target as Record<string, unknown>)[key];
  } catch {
    // A non-configurable property (postgres.js keeps query and parameters non-enumerable, so
    // nothing prints them).
  }
}

/** Removes the data of a failed query from the error and its cause; keeps codes and the SQL text. */
export function scrubQueryError<E>(err: E): E {
  if (!(err instanceof Error)) return err;
  if ('params' in err) {
    const message = err.message.split('\nparams:')[0] ?? 'Failed query';
    const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    drop(err, 'params');
    err.message = message;
    err.stack = [`${err.name}: ${message}`, ...frames].join('\n');
  }
  const cause = (err as { cause?: unknown }).cause;
  if (cause && typeof cause === 'object') {
    for (const key of dataKeys) drop(cause, key);
  }
  return err;
}

const store = globalThis as typeof globalThis & { __tourdeskScrubbing?: boolean };

export function scrubQueryErrorsEverywhere(): void {
  if (store.__tourdeskScrubbing) return;
  store.__tourdeskScrubbing = true;
  const proto = PgPreparedQuery.prototype as unknown as {
    queryWithCache: (this: unknown, ...args: unknown[]) => Promise<unknown>;
  };
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (err) {
      throw scrubQueryError(err);
    }
  };
}
