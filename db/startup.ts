import { databaseConfigFromEnv } from './config';
import { ConfigError } from './errors';
import { getDatabase } from './index';

/**
 * Opens, migrates and (on an empty embedded database) seeds before the server takes requests.
 * A bad setting ends the process with one line naming it, not a stack trace.
 */
export async function startup(): Promise<void> {
  try {
    await getDatabase();
    const config = databaseConfigFromEnv();
    const where =
      config.driver === 'pglite'
        ? `the embedded database in ${config.dataDir}`
        : 'the Postgres server';
    console.log(`Tourdesk: ${where} is migrated and ready.`);
    console.log(`Tourdesk: open http://localhost:${process.env.PORT ?? '3000'}`);
  } catch (err) {
    const message =
      err instanceof ConfigError ? err.message : `database: ${(err as Error).message}`;
    console.error(`Tourdesk cannot start. ${message}`);
    process.exit(1);
  }
}
