import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { DatabaseConfig } from './config';
import {
  ConnectionLostError,
  isConnectionLost,
  isDeadlock,
  isRetryableRead,
} from './connection-lost';
import { ConfigError } from './errors';
import { acquireDirLock } from './pglite-lock';
import { scrubQueryErrorsEverywhere } from './query-errors';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DriverName = DatabaseConfig['driver'];

export interface DatabaseHandle {
  db: Db;
  driver: DriverName;
  /** Runs the committed migrations (idempotent). */
  migrate(): Promise<void>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel` (from any app instance); resolves to a stop.
   * `onGap` runs whenever notifications may have been missed (a dropped connection listens
   * again), so that whoever trusts them can start afresh.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onGap?: () => void,
  ): Promise<() => Promise<void>>;
  /**
   * Calls `callback` with the tours whose data a transaction of this process changed ('*' for
   * data all tours share), after it commits and before its caller goes on. The NOTIFY of the same
   * change arrives a moment later; this is how the process reads its own writes at once.
   */
  onCommit(callback: (tours: string[]) => void): () => void;
  close(): Promise<void>;
}

/** Opens a database; the caller owns the handle and must close it. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  scrubQueryErrorsEverywhere();
  return config.driver === 'postgres' ? openPostgres(config.url) : openPglite(config.dataDir);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  let client: ReturnType<typeof postgres>;
  try {
    client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    await client`select 1`;
  } catch (err) {
    throw new ConfigError(
      'DATABASE_URL',
      `cannot connect to ${redactUrl(url)} (${(err as Error).message})`,
    );
  }
  const commits = new Set<CommitCallback>();
  const db = drizzle(
    ridingOutDrops(client, (tours) => runAll(commits, tours)),
    { schema },
  );
  return {
    db: db as unknown as Db,
    driver: 'postgres',
    async migrate() {
      // Several app instances may start together: one migrates, the others wait for it.
      await client.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext('tourdesk:migrate'))`;
        await migrate(db, { migrationsFolder: (await import('./config')).migrationsFolder });
      });
    },
    async listen(channel, onPayload, onGap) {
      // postgres.js keeps one dedicated connection for all of this process's listeners, and
      // listens again when it drops: what was sent in between is lost.
      let first = true;
      const { unlisten } = await client.listen(channel, onPayload, () => {
        if (!first) onGap?.();
        first = false;
      });
      return unlisten;
    },
    onCommit: (callback) => subscribe(commits, callback),
    close: () => client.end({ timeout: 5 }),
  };
}

type PostgresClient = import('postgres').Sql;

/**
 * The one place where the app rides out a dropped connection (an administrator's restart, a
 * failover, a reset socket). postgres.js opens a fresh connection for the next query by itself;
 * this decides what to do with the query that was on the dropped one:
 * - a read (a plain SELECT outside a transaction) runs again, up to twice, after a moment in
 *   which the pool notices its other dropped connections, so the person never sees the blink;
 * - a write is never run again: a transaction that dropped before COMMIT was sent was rolled back
 *   by the server (`notSaved`), one that dropped while COMMIT was on its way may or may not have
 *   been saved (`unknown`). ConnectionLostError says which; the action wrapper tells the person.
 * Drizzle sends every statement through `unsafe` and every transaction through `begin`.
 */
function ridingOutDrops(
  client: PostgresClient,
  committed: (tours: string[]) => void,
): PostgresClient {
  const retryDelayMs = 100;
  const unsafe = (query: string, params?: unknown[], options?: object) => {
    const run = async (values: boolean) => {
      const once = () => {
        const pending = client.unsafe(query, params as never, options as never);
        return values ? pending.values() : pending;
      };
      // Up to three tries: when every connection of the pool dropped at once, a retry can land on
      // another of them before the pool has read its closing (timers run before a busy loop's
      // socket events), so one retry is not always enough.
      for (let attempt = 1; ; attempt++) {
        try {
          return await once();
        } catch (err) {
          if (attempt >= 3 || !isConnectionLost(err) || !isRetryableRead(query)) throw err;
          const delay = retryDelayMs * 2 ** (attempt - 1);
          await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
        }
      }
    };
    return {
      values: () => run(true),
      // biome-ignore lint/suspicious/noThenProperty: drizzle awaits what `unsafe` returns
      then: (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) =>
        run(false).then(resolve, reject),
    };
  };
  const begin = async (...args: unknown[]) => {
    const body = args.pop() as (tx: unknown) => Promise<unknown>;
    for (let attempt = 1; ; attempt++) {
      let committing = false;
      let changed = '';
      try {
        const result = await (client.begin as (...a: unknown[]) => Promise<unknown>)(
          ...args,
          async (tx: PostgresClient) => {
            const result = await body(tx);
            changed = await changedTours((q) => tx.unsafe(q));
            committing = true; // postgres.js sends COMMIT next
            return result;
          },
        );
        committed(splitTours(changed));
        return result;
      } catch (err) {
        if (isConnectionLost(err))
          throw new ConnectionLostError(committing ? 'unknown' : 'notSaved', err);
        // The server chose this transaction to end a deadlock and rolled all of it back: run it
        // again. Concurrent inserts that an exclusion constraint weighs against each other (two
        // coordinators booking one group at one time) can wait on each other this way; the rerun
        // sees the other's row and is refused as an overlap. Bodies only write through `tx`.
        if (attempt < 3 && isDeadlock(err)) {
          await new Promise((r) => setTimeout(r, 10 * attempt * Math.random()));
          continue;
        }
        throw err;
      }
    }
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return unsafe;
      if (prop === 'begin') return begin;
      return Reflect.get(target, prop, receiver);
    },
  });
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let release = () => {};
  if (dataDir) {
    makeWritableDir(dataDir);
    release = acquireDirLock(dataDir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create({ dataDir, extensions: { btree_gist } });
  } catch (err) {
    release();
    throw new ConfigError('PGLITE_DIR', `cannot open ${dataDir} (${(err as Error).message})`);
  }
  const commits = new Set<CommitCallback>();
  const transaction = client.transaction.bind(client);
  client.transaction = async (callback) => {
    let changed = '';
    const result = await transaction(async (tx) => {
      const result = await callback(tx);
      changed = await changedTours(
        async (q) => (await tx.query<{ changed: string | null }>(q)).rows,
      );
      return result;
    });
    runAll(commits, splitTours(changed));
    return result;
  };
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    async migrate() {
      await migrate(db, { migrationsFolder: (await import('./config')).migrationsFolder });
    },
    async listen(channel, onPayload) {
      // In this process: nothing is ever missed, so there is no gap to report.
      const stop = await client.listen(channel, onPayload);
      return stop;
    },
    onCommit: (callback) => subscribe(commits, callback),
    async close() {
      await client.close();
      release();
    },
  };
}

type CommitCallback = (tours: string[]) => void;

function subscribe(callbacks: Set<CommitCallback>, callback: CommitCallback) {
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
  };
}

function runAll(callbacks: Set<CommitCallback>, tours: string[]) {
  if (tours.length === 0) return;
  for (const callback of callbacks) callback(tours);
}

/** The tours this transaction changed so far, as the triggers of migration 0005 noted them. */
async function changedTours(
  query: (text: string) => Promise<readonly { changed: string | null }[]>,
): Promise<string> {
  const [row] = await query(`select current_setting('tourdesk.changed_tours', true) as changed`);
  return row?.changed ?? '';
}

const splitTours = (changed: string) => changed.split(' ').filter(Boolean);

/**
 * Creates the data folder one level at a time: Node's recursive mkdir spins forever on some
 * unwritable trees (/proc), and PGlite does not create parents itself.
 */
function makeWritableDir(dir: string): void {
  const missing: string[] = [];
  let existing = dir;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    existing = dirname(existing);
  }
  try {
    if (!statSync(existing).isDirectory()) throw new Error(`${existing} is a file`);
    for (const level of missing) mkdirSync(level);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new ConfigError('PGLITE_DIR', `${dir} is not writable (${(err as Error).message})`);
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an unparsable URL';
  }
}
