import { sql } from 'drizzle-orm';
import { databaseConfigFromEnv } from './config';
import { type DatabaseHandle, type Db, openDatabase } from './connect';
import { upkeep } from './upkeep';

export type { Db } from './connect';

const store = globalThis as typeof globalThis & { __tourdeskDb?: Promise<DatabaseHandle> };

/**
 * The process's one database handle, migrated (and, on an empty embedded database, seeded with
 * the demo tour) before anyone reads through it.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  store.__tourdeskDb ??= start().catch((err) => {
    store.__tourdeskDb = undefined; // let the next request try again
    throw err;
  });
  return store.__tourdeskDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

async function start(): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseConfigFromEnv());
  try {
    await handle.migrate();
    // Only the embedded database is seeded by itself: a server's data is its operator's call.
    // The demo data (thousands of lines) is loaded only here, never into the pages' bundle.
    if (handle.driver === 'pglite') {
      const { seedDemoIfEmpty } = await import('./seed');
      await seedDemoIfEmpty(handle.db);
    }
    await upkeep(handle.db);
    // PGlite runs no autovacuum, so nothing else gathers the planner's statistics: without them
    // it guesses every table holds one row and reads by nested loops over whole tables (a
    // journalist's visits took 30 ms instead of 5). A server's autovacuum keeps its own.
    if (handle.driver === 'pglite') await handle.db.execute(sql`analyze`);
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
  return handle;
}
