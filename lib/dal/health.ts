import 'server-only';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';

/** Which driver serves, once migrations are applied and the database answers; else throws. */
export async function checkHealth(): Promise<{ database: 'pglite' | 'postgres' }> {
  const { db, driver } = await getDatabase();
  await db.execute(sql`select 1`);
  return { database: driver };
}
