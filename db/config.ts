import { resolve } from 'node:path';

export type DatabaseConfig =
  | { driver: 'postgres'; url: string }
  | { driver: 'pglite'; dataDir: string | undefined };

/** Which database the process uses: a Postgres server when DATABASE_URL is set, else embedded PGlite. */
export function databaseConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { driver: 'postgres', url };
  return {
    driver: 'pglite',
    dataDir: resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR?.trim() || '.data/pglite'),
  };
}

export const migrationsFolder = resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');
