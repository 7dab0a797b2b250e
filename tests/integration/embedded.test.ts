import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseConfigFromEnv } from '../../db/config';
import { openDatabase } from '../../db/connect';
import { ConfigError } from '../../db/errors';
import * as s from '../../db/schema';

const dir = mkdtempSync(join(tmpdir(), 'tourdesk-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database', () => {
  it('is the default and lives in .data/pglite unless PGLITE_DIR says otherwise', () => {
    const config = databaseConfigFromEnv({});
    expect(config.driver).toBe('pglite');
    expect(config.driver === 'pglite' && config.dataDir).toMatch(/\.data\/pglite$/);
    expect(databaseConfigFromEnv({ PGLITE_DIR: '/srv/td' })).toEqual({
      driver: 'pglite',
      dataDir: '/srv/td',
    });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://x@h/db' })).toEqual({
      driver: 'postgres',
      url: 'postgres://x@h/db',
    });
  });

  it('keeps its data when closed and opened again', async () => {
    const dataDir = join(dir, 'nested', 'db');
    const first = await openDatabase({ driver: 'pglite', dataDir });
    await first.migrate();
    await first.db
      .insert(s.regions)
      .values({ code: 'oceania', nameZh: '大洋洲', nameEn: 'Oceania' });
    await first.close();

    const second = await openDatabase({ driver: 'pglite', dataDir });
    await second.migrate();
    expect(await second.db.select({ code: s.regions.code }).from(s.regions)).toEqual([
      { code: 'oceania' },
    ]);
    await second.close();
  });

  it('refuses a second opener of the same folder, naming PGLITE_DIR', async () => {
    const dataDir = join(dir, 'locked');
    const { spawnSync } = await import('node:child_process');
    const holder = await openDatabase({ driver: 'pglite', dataDir });
    // Another process must be refused; this process's own lock is checked by pid.
    const other = spawnSync(
      'npx',
      [
        'tsx',
        '-e',
        `import('./db/connect.ts').then(m => m.openDatabase({ driver: 'pglite', dataDir: ${JSON.stringify(dataDir)} })).then(() => process.exit(0), e => { console.error(e.message); process.exit(3); })`,
      ],
      { encoding: 'utf8' },
    );
    expect(other.status).toBe(3);
    expect(other.stderr).toMatch(/PGLITE_DIR: .* is in use by process \d+/);
    await holder.close();
  });

  it('names PGLITE_DIR when the folder cannot be written', async () => {
    // Root writes anywhere, so "unwritable" here is a path through a file, and one in /proc.
    await expect(openDatabase({ driver: 'pglite', dataDir: '/etc/hostname/db' })).rejects.toThrow(
      ConfigError,
    );
    await expect(openDatabase({ driver: 'pglite', dataDir: '/proc/tourdesk/db' })).rejects.toThrow(
      /^PGLITE_DIR: \/proc\/tourdesk\/db is not writable/,
    );
  });

  it('names DATABASE_URL when the server cannot be reached', async () => {
    await expect(
      openDatabase({ driver: 'postgres', url: 'postgres://nobody:secret@127.0.0.1:1/none' }),
    ).rejects.toThrow(
      /^DATABASE_URL: cannot connect to postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/,
    );
  });
});
