import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, restoreDatabase } from '../../db/backup';
import type { DatabaseConfig } from '../../db/config';
import { type DatabaseHandle, openDatabase } from '../../db/connect';
import { seedDemoIfEmpty } from '../../db/seed';

const dir = mkdtempSync(join(tmpdir(), 'tourdesk-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowsOf = (r: unknown) =>
  (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

/** Every table of the app and of the migrator: its row count and a digest of its rows. */
async function snapshot(handle: DatabaseHandle): Promise<Record<string, string>> {
  const tables = rowsOf(
    await handle.db.execute(sql`select table_schema as s, table_name as t
      from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')
      order by 1, 2`),
  );
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const [row] = rowsOf(
      await handle.db.execute(
        sql.raw(
          `select count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as d from "${s}"."${t}" x`,
        ),
      ),
    );
    out[`${s}.${t}`] = String(row?.d);
  }
  return out;
}

async function seeded(config: DatabaseConfig): Promise<Record<string, string>> {
  const handle = await openDatabase(config);
  try {
    await handle.migrate();
    await seedDemoIfEmpty(handle.db);
    return await snapshot(handle);
  } finally {
    await handle.close();
  }
}

async function read(config: DatabaseConfig): Promise<Record<string, string>> {
  const handle = await openDatabase(config);
  try {
    return await snapshot(handle);
  } finally {
    await handle.close();
  }
}

/** The refusals every restore must give, each leaving the target untouched. */
async function expectRefusals(
  config: DatabaseConfig,
  file: string,
  isEmpty: () => Promise<boolean>,
) {
  const whole = readFileSync(file);
  const bad = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const cases: [string, RegExp][] = [
    [bad('truncated.backup', whole.subarray(0, whole.length - 1000)), /truncated/],
    [bad('not-a-backup.backup', 'PGDMP or anything else'), /not a Tourdesk backup/],
    [
      bad(
        'newer.backup',
        Buffer.from(
          whole.toString('latin1').replace(/"migrations":\d+/, '"migrations":99'),
          'latin1',
        ),
      ),
      /newer version/,
    ],
    [join(dir, 'missing.backup'), /no file/],
  ];
  for (const [path, message] of cases) {
    const err = await restoreDatabase(config, path).catch((e) => e);
    expect(err, path).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(message);
    expect(await isEmpty()).toBe(true);
  }
}

describe('backup and restore of the embedded database', () => {
  it('backs up, and restores into an emptied folder every table identical; refuses bad files and a full folder', async () => {
    const config: DatabaseConfig = { driver: 'pglite', dataDir: join(dir, 'pglite', 'db') };
    const before = await seeded(config);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    const file = join(dir, 'embedded.backup');
    await backupDatabase(config, file);

    // A restore into the database that holds the data is refused.
    await expect(restoreDatabase(config, file)).rejects.toThrow(/already holds a database/);

    rmSync(join(dir, 'pglite'), { recursive: true }); // wiped
    await expectRefusals(config, file, async () => !existsSync(config.dataDir ?? ''));
    await restoreDatabase(config, file);
    expect(await read(config)).toEqual(before);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!serverUrl)('backup and restore on a Postgres server', () => {
  const name = `tourdesk_backup_${process.pid}`;
  const admin = () => postgres(serverUrl ?? '', { max: 1, onnotice: () => {} });
  const recreate = async () => {
    const a = admin();
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.unsafe(`create database ${name}`);
    await a.end();
  };
  afterAll(async () => {
    const a = admin();
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.end();
  });

  it('backs up with pg_dump, and restores into an emptied database every table identical; refuses bad files and a full database', async () => {
    const url = new URL(serverUrl ?? '');
    url.pathname = `/${name}`;
    const config: DatabaseConfig = { driver: 'postgres', url: url.toString() };
    await recreate();
    const before = await seeded(config);
    const file = join(dir, 'server.backup');
    await backupDatabase(config, file);
    await expect(restoreDatabase(config, file)).rejects.toThrow(/already holds tables/);

    await recreate(); // wiped
    const tables = async () => {
      const sql = postgres(config.url, { max: 1, onnotice: () => {} });
      const [row] = await sql`select count(*)::int as n from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema')`;
      await sql.end();
      return Number(row?.n);
    };
    await expectRefusals(config, file, async () => (await tables()) === 0);
    // A backup of the other kind of database is refused too.
    await expect(
      restoreDatabase({ driver: 'pglite', dataDir: join(dir, 'other', 'db') }, file),
    ).rejects.toThrow(/backup of a Postgres server/);
    await restoreDatabase(config, file);
    expect(await read(config)).toEqual(before);
  });
});
