import { authSecret } from '../lib/auth/secret';
import { type AuditEntry, writeRefusal } from './audit-write';
import { databaseConfigFromEnv } from './config';
import { ConfigError } from './errors';
import { getDatabase } from './index';
import { demoAccounts, demoPassword, hasDemoAccounts } from './seed/accounts';

/**
 * Checks the settings, then opens, migrates and (on an empty embedded database) seeds before the
 * server takes requests. A bad setting ends the process with one line naming it.
 */
export async function startup(): Promise<void> {
  try {
    const config = databaseConfigFromEnv();
    const { db } = await getDatabase();
    authSecret(); // fails closed on a Postgres server without a proper secret
    // The production server refuses unreadable requests before the app sees them, and records
    // them through this (scripts/server.mjs).
    (
      globalThis as { __tourdeskRecordRefusal?: (e: AuditEntry) => Promise<void> }
    ).__tourdeskRecordRefusal = (entry) => writeRefusal(db, entry).catch(() => {});
    const where =
      config.driver === 'pglite'
        ? `the embedded database in ${config.dataDir}`
        : 'the Postgres server';
    console.log(`Tourdesk: ${where} is migrated and ready.`);
    console.log(`Tourdesk: open http://localhost:${process.env.PORT ?? '3000'}`);
    if (await hasDemoAccounts(db)) {
      // The password is shown to a person at a terminal, never written into a log file.
      const password = process.stdout.isTTY
        ? `"${demoPassword}"`
        : 'in the README, "Demo sign-ins"';
      console.log(
        `Tourdesk: demo sign-ins (password ${password}): ${Object.values(demoAccounts).join(', ')}`,
      );
    }
  } catch (err) {
    const message =
      err instanceof ConfigError ? err.message : `database: ${(err as Error).message}`;
    console.error(`Tourdesk cannot start. ${message}`);
    process.exit(1);
  }
}
