import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';
import { migrationsFolder } from '@/db/config';

type Driver = 'pglite' | 'postgres';

/**
 * Liveness: the process serves and opened (and migrated) its database at start. No query, so a
 * database that blinks does not get a healthy process restarted; throws until the start is done.
 */
export async function checkHealth(): Promise<{ database: Driver }> {
  const { driver } = await getDatabase();
  return { database: driver };
}

export type Readiness =
  | { ok: true; database: Driver; migrations: number }
  | { ok: false; reason: 'stopping' | 'database' | 'migrations' };

/** The migrations this build expects, from the committed journal. */
export function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  return (journal.entries as unknown[]).length;
}

/**
 * Readiness: send traffic here now. Not while the server is shutting down, not when the
 * database does not answer (a failover), not when its migrations are behind this build's.
 */
export async function checkReadiness(): Promise<Readiness> {
  if ((globalThis as { __tourdeskStopping?: boolean }).__tourdeskStopping) {
    return { ok: false, reason: 'stopping' };
  }
  let applied: number;
  let driver: Driver;
  try {
    const handle = await getDatabase();
    driver = handle.driver;
    const [row] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`drizzle.__drizzle_migrations`);
    applied = Number(row?.n);
  } catch {
    return { ok: false, reason: 'database' };
  }
  if (!(applied >= expectedMigrations())) return { ok: false, reason: 'migrations' };
  return { ok: true, database: driver, migrations: applied };
}
