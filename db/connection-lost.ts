// A database connection that dropped under a query: an administrator or a failover ended it
// (57P01/57P02), the server is not accepting connections yet (57P03), the socket was reset, or the
// driver found it closed. Pure: used by the postgres.js wrapper (db/connect.ts) and by the action
// wrapper to tell a person whether their change was saved.

const codes = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a server or pooler shutting down
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up after a failover
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection_exception and its kinds
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

/** The error and what it wraps (drizzle wraps the driver's), a few levels down. */
function* causes(err: unknown): Generator<object> {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

/** Whether this error (or what it wraps) means the connection dropped, not that the SQL failed. */
export function isConnectionLost(err: unknown): boolean {
  for (const e of causes(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
    if (e instanceof Error && /^(terminated|Connection terminated)/i.test(e.message)) return true;
  }
  return false;
}

/**
 * The server ended this transaction to break a deadlock (40P01) and rolled it back whole, so it
 * may be run again from the start.
 */
export function isDeadlock(err: unknown): boolean {
  for (const e of causes(err)) if ((e as { code?: unknown }).code === '40P01') return true;
  return false;
}

/** A read that may be run again on a fresh connection: a plain SELECT, nothing it could write. */
export function isRetryableRead(query: string): boolean {
  const q = query.trimStart().toLowerCase();
  if (q.startsWith('select') || q.startsWith('(select')) return !/\bnextval\s*\(/.test(q);
  if (q.startsWith('with')) return !/\b(insert|update|delete|merge|nextval)\b/.test(q);
  return false;
}

/**
 * A write whose connection dropped. `notSaved`: it dropped before COMMIT was sent, so the server
 * rolled the transaction back. `unknown`: it dropped while COMMIT was on its way (or the write was
 * a single statement): the change may or may not have been saved, and only a fresh read can tell.
 */
export class ConnectionLostError extends Error {
  constructor(
    readonly outcome: 'notSaved' | 'unknown',
    cause: unknown,
  ) {
    super(
      `database connection lost (${outcome === 'notSaved' ? 'not saved' : 'outcome unknown'})`,
      {
        cause,
      },
    );
    this.name = 'ConnectionLostError';
  }
}

/** What a write that failed tells its caller: saved-or-not when the connection dropped. */
export function writeOutcome(err: unknown): 'notSaved' | 'unknown' | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof ConnectionLostError) return e.outcome;
    e = (e as { cause?: unknown }).cause;
  }
  return isConnectionLost(err) ? 'unknown' : null;
}
