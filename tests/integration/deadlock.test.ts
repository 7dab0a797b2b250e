import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { testDatabases } from './databases';
import { rowsOf } from './helpers';

// Only a server runs transactions side by side; the embedded database runs one at a time.
const server = testDatabases().find((d) => d.name === 'postgres');

describe.skipIf(!server)('a deadlock on Postgres', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await (server as NonNullable<typeof server>).open();
    await handle.db.execute(sql`create table pair (id int primary key, n int not null)`);
    await handle.db.execute(sql`insert into pair values (1, 0), (2, 0)`);
  });
  afterAll(async () => {
    await handle?.close();
    await server?.cleanup();
  });

  it('two transactions that lock two rows in opposite orders both commit: the one the server ends runs again', async () => {
    const signal = () => {
      let done = () => {};
      const reached = new Promise<void>((r) => {
        done = r;
      });
      return { reached, done };
    };
    const [first, second] = [signal(), signal()];
    let runs = 0;
    // Each locks its first row, waits until the other holds its own, then asks for the other's.
    const crossing = (mine: number, theirs: number, me: typeof first, other: typeof first) =>
      handle.db.transaction(async (tx) => {
        runs++;
        await tx.execute(sql`update pair set n = n + 1 where id = ${mine}`);
        me.done();
        await other.reached;
        await tx.execute(sql`update pair set n = n + 10 where id = ${theirs}`);
      });
    await Promise.all([crossing(1, 2, first, second), crossing(2, 1, second, first)]);
    expect(runs).toBe(3);
    const list = rowsOf<{ id: number; n: number }>(
      await handle.db.execute(sql`select id, n from pair order by id`),
    );
    // Each row: +1 from the transaction that locked it first, +10 from the other; once each.
    expect(list.map((r) => [r.id, r.n])).toEqual([
      [1, 11],
      [2, 11],
    ]);
  });
});
