import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/connect';
import { ConnectionLostError, isConnectionLost } from '../../db/connection-lost';
import * as s from '../../db/schema';
import { testDatabases } from './databases';
import { rowsOf } from './helpers';

// Only a server has connections to drop: what a failover or an administrator's restart does.
const server = testDatabases().find((d) => d.name === 'postgres');

describe.skipIf(!server)('a dropped database connection on Postgres', () => {
  let handle: DatabaseHandle;
  let admin: postgres.Sql;
  let dbName: string;
  beforeAll(async () => {
    handle = await (server as NonNullable<typeof server>).open();
    await handle.migrate();
    admin = postgres(process.env.TEST_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
    const rows = rowsOf<{ name: string }>(
      await handle.db.execute(sql`select current_database() as name`),
    );
    dbName = rows[0]?.name ?? '';
  });
  afterAll(async () => {
    await handle?.close();
    await admin?.end();
    await server?.cleanup();
  });

  const dropAll = () =>
    admin`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = ${dbName} and pid <> pg_backend_pid()`;

  it('20 readers see no failure while every connection is dropped twice', async () => {
    let reads = 0;
    const failures: string[] = [];
    const until = Date.now() + 3000;
    const reader = async () => {
      while (Date.now() < until) {
        try {
          await handle.db.select({ id: s.tours.id }).from(s.tours).limit(5);
          reads++;
        } catch (err) {
          failures.push(String((err as Error).cause ?? err));
        }
      }
    };
    const readers = Array.from({ length: 20 }, reader);
    await new Promise((r) => setTimeout(r, 800));
    await dropAll();
    await new Promise((r) => setTimeout(r, 1000));
    await dropAll();
    await Promise.all(readers);
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(100);
  });

  it('a transaction whose connection drops before COMMIT reports "not saved", and saved nothing', async () => {
    const name = `Dropped ${Date.now()}`;
    const attempt = handle.db.transaction(async (tx) => {
      await tx.insert(s.tours).values({
        nameZh: name,
        nameEn: name,
        startDate: '2026-01-01',
        endDate: '2026-01-02',
      });
      await dropAll();
      await tx.select().from(s.tours).limit(1);
    });
    const err = await attempt.catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionLostError);
    expect((err as ConnectionLostError).outcome).toBe('notSaved');
    const rows = await handle.db.select().from(s.tours).where(eq(s.tours.nameEn, name));
    expect(rows).toEqual([]);
  });

  it('a transaction whose connection drops while COMMIT runs reports "may have been saved"', async () => {
    // A deferred constraint trigger that takes a second runs inside COMMIT: the drop lands there.
    await handle.db.execute(sql`create table slow_commit (x int)`);
    await handle.db.execute(
      sql`create function slow_commit_check() returns trigger language plpgsql as $$ begin perform pg_sleep(1); return null; end $$`,
    );
    await handle.db.execute(
      sql`create constraint trigger slow_commit_trigger after insert on slow_commit deferrable initially deferred for each row execute function slow_commit_check()`,
    );
    // The outcome is taken at once: the transaction may fail while the drop is still running.
    const outcome = handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into slow_commit values (1)`);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    await new Promise((r) => setTimeout(r, 400));
    await dropAll();
    const err = await outcome;
    expect(err).toBeInstanceOf(ConnectionLostError);
    expect((err as ConnectionLostError).outcome).toBe('unknown');
  });

  // One connection, so that the next query is sure to land on the one that dropped under the
  // last: postgres.js kept the dropped query as that connection's current one, and read the
  // server's next answer as its (scripts/patch-postgres.mjs).
  async function singleConnection() {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${dbName}`;
    const before = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = '1';
    try {
      return await openDatabase({ driver: 'postgres', url: url.toString() });
    } finally {
      if (before === undefined) delete process.env.DATABASE_POOL_SIZE;
      else process.env.DATABASE_POOL_SIZE = before;
    }
  }
  /** A statement that runs until dropped, and that is not a read, so it is not run again. */
  const dropUnder = async (one: DatabaseHandle) => {
    const running = one.db.execute(sql`do $$ begin perform pg_sleep(10); end $$`).then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    await dropAll();
    return running;
  };
  const waited = <T>(p: Promise<T>, ms: number) =>
    Promise.race([
      p,
      new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), ms)),
    ]);

  it('the first write after a connection dropped under a statement is saved, not refused with the old error', async () => {
    const one = await singleConnection();
    try {
      expect(isConnectionLost(await dropUnder(one))).toBe(true);
      const name = `After a drop ${Date.now()}`;
      await one.db.insert(s.tours).values({
        nameZh: name,
        nameEn: name,
        startDate: '2026-01-01',
        endDate: '2026-01-02',
      });
      const rows = await handle.db.select().from(s.tours).where(eq(s.tours.nameEn, name));
      expect(rows).toHaveLength(1);
    } finally {
      await one.close();
    }
  });

  it('while the database refuses connections, a read is refused at once rather than left waiting', async () => {
    const one = await singleConnection();
    try {
      await admin.unsafe(`alter database ${dbName} allow_connections false`);
      try {
        expect(isConnectionLost(await dropUnder(one))).toBe(true);
        const read = one.db
          .select({ id: s.tours.id })
          .from(s.tours)
          .limit(1)
          .then(
            () => 'read',
            // Drizzle wraps the driver's error: the server's code is on its cause.
            (e: { cause?: { code?: string } }) => e.cause?.code ?? String(e),
          );
        // 55000: object_not_in_prerequisite_state, "database is not currently accepting connections".
        expect(await waited(read, 5000)).toBe('55000');
      } finally {
        await admin.unsafe(`alter database ${dbName} allow_connections true`);
      }
      // And once it lets them in again, the same connection serves.
      await expect(one.db.execute(sql`select 1`)).resolves.toBeDefined();
    } finally {
      await one.close();
    }
  });
});
