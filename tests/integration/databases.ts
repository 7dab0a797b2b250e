import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../../db/connect';

/**
 * The databases every integration test runs on: in-memory PGlite always, and the Postgres server
 * named by TEST_DATABASE_URL when set, in a database made for this run and dropped after it.
 */
export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'pglite',
      open: () => openDatabase({ driver: 'pglite', dataDir: undefined }),
      cleanup: async () => {},
    },
  ];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const created: string[] = [];
    list.push({
      name: 'postgres',
      async open() {
        const dbName = `tourdesk_test_${randomBytes(6).toString('hex')}`;
        const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`create database ${dbName}`);
        await admin.end();
        created.push(dbName);
        const url = new URL(serverUrl);
        url.pathname = `/${dbName}`;
        return openDatabase({ driver: 'postgres', url: url.toString() });
      },
      async cleanup() {
        const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
        for (const dbName of created.splice(0)) {
          await admin.unsafe(`drop database if exists ${dbName} with (force)`);
        }
        await admin.end();
      },
    });
  }
  return list;
}
