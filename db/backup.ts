// Whole-database backup and restore (`npm run db:backup -- FILE`, `npm run db:restore -- FILE`).
// A backup file is one line naming the format, one line of JSON describing it, then the payload:
// PGlite's data-directory dump (a gzipped tar) for the embedded database, pg_dump's custom format
// for a server. The description holds the payload's length and SHA-256 and the schema's
// migrations, so a restore refuses a truncated or damaged file, a file from a newer schema, or
// anything else, before it writes a byte; and it writes into an empty database only.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseConfig } from './config';
import { migrationsFolder } from './config';
import { ConfigError } from './errors';
import { acquireDirLock } from './pglite-lock';

const magic = 'TOURDESK-BACKUP 1\n';

export interface BackupHeader {
  format: 1;
  driver: 'pglite' | 'postgres';
  /** Migrations applied in the backed-up database, and the newest one's timestamp. */
  migrations: number;
  lastMigrationAt: number;
  createdAt: string;
  bytes: number;
  sha256: string;
}

/** A refusal that explains itself in one line; nothing was written. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function journal(): { count: number; last: number } {
  const entries = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'))
    .entries as { when: number }[];
  return { count: entries.length, last: Math.max(...entries.map((e) => e.when)) };
}

export function encodeBackup(
  driver: BackupHeader['driver'],
  migrations: { count: number; last: number },
  payload: Buffer,
): Buffer {
  const header: BackupHeader = {
    format: 1,
    driver,
    migrations: migrations.count,
    lastMigrationAt: migrations.last,
    createdAt: new Date().toISOString(),
    bytes: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  return Buffer.concat([Buffer.from(`${magic}${JSON.stringify(header)}\n`), payload]);
}

/** Reads and checks a backup file: refuses anything that is not a whole backup of this schema. */
export function decodeBackup(file: Buffer): { header: BackupHeader; payload: Buffer } {
  if (!file.subarray(0, magic.length).equals(Buffer.from(magic))) {
    throw new BackupError('This file is not a Tourdesk backup (made by `npm run db:backup`).');
  }
  const end = file.indexOf(0x0a, magic.length);
  let header: BackupHeader;
  try {
    if (end < 0) throw new Error('no header');
    header = JSON.parse(file.subarray(magic.length, end).toString('utf8'));
    if (header.format !== 1 || !['pglite', 'postgres'].includes(header.driver)) throw new Error();
  } catch {
    throw new BackupError('This backup file is damaged: its description cannot be read.');
  }
  const payload = file.subarray(end + 1);
  if (payload.length !== header.bytes) {
    throw new BackupError(
      `This backup file is truncated or damaged: it holds ${payload.length} of ${header.bytes} bytes.`,
    );
  }
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256) {
    throw new BackupError('This backup file is damaged: its contents do not match its checksum.');
  }
  const ours = journal();
  if (header.migrations > ours.count || header.lastMigrationAt > ours.last) {
    throw new BackupError(
      `This backup is from a newer version of Tourdesk (schema migration ${header.migrations}, this one knows ${ours.count}): update Tourdesk first, then restore.`,
    );
  }
  return { header, payload };
}

async function openPgliteClient(dataDir: string, loadDataDir?: Blob) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  return PGlite.create({
    dataDir,
    extensions: { btree_gist },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

async function appliedMigrations(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<{ count: number; last: number }> {
  const [row] = await query(
    'select count(*)::int as n, coalesce(max(created_at), 0)::bigint as last from drizzle.__drizzle_migrations',
  );
  return { count: Number(row?.n), last: Number(row?.last) };
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** Writes a backup of the configured database to `file` (replacing it only when complete). */
export async function backupDatabase(config: DatabaseConfig, file: string): Promise<BackupHeader> {
  let encoded: Buffer;
  if (config.driver === 'pglite') {
    const dir = config.dataDir;
    if (!dir || isEmptyDir(dir)) throw new BackupError(`There is no embedded database in ${dir}.`);
    let release: () => void;
    try {
      release = acquireDirLock(dir);
    } catch (err) {
      // "... is in use by process N; stop it first": the app runs, and only one process may open it.
      throw new BackupError(`${(err as Error).message.replace(/^PGLITE_DIR: /, '')}.`);
    }
    try {
      const client = await openPgliteClient(dir);
      try {
        const migrations = await appliedMigrations(
          async (q) => (await client.query(q)).rows as never,
        );
        const dump = await client.dumpDataDir('gzip');
        encoded = encodeBackup('pglite', migrations, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await client.close();
      }
    } finally {
      release();
    }
  } else {
    const env = pgEnv(config.url);
    requireTool('pg_dump');
    const { default: postgres } = await import('postgres');
    const sql = postgres(config.url, { max: 1, onnotice: () => {} });
    let migrations: { count: number; last: number };
    try {
      migrations = await appliedMigrations((q) => sql.unsafe(q) as never);
    } catch (err) {
      throw new BackupError(
        `Cannot read the database's schema version (${(err as Error).message}).`,
      );
    } finally {
      await sql.end();
    }
    const dump = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges'], {
      env,
      maxBuffer: 4 * 1024 ** 3,
    });
    if (dump.status !== 0) {
      throw new BackupError(`pg_dump failed: ${dump.stderr.toString().trim().split('\n')[0]}`);
    }
    encoded = encodeBackup('postgres', migrations, dump.stdout);
  }
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, encoded);
  renameSync(partial, file);
  return decodeBackup(encoded).header;
}

/** Restores `file` into the configured database, which must be empty; all or nothing. */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<BackupHeader> {
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const { header, payload } = decodeBackup(readFileSync(file));
  if (header.driver !== config.driver) {
    throw new BackupError(
      header.driver === 'pglite'
        ? 'This is a backup of the embedded database: restore it without DATABASE_URL (into PGLITE_DIR).'
        : 'This is a backup of a Postgres server: restore it with DATABASE_URL set to an empty database.',
    );
  }
  if (config.driver === 'pglite') {
    const dir = config.dataDir;
    if (!dir) throw new BackupError('PGLITE_DIR is not set.');
    if (!isEmptyDir(dir)) {
      throw new BackupError(
        `${dir} already holds a database: restore into an empty folder (set PGLITE_DIR to a new one, or move this one away first).`,
      );
    }
    let release: () => void;
    try {
      mkdirSync(dirname(dir), { recursive: true });
      release = acquireDirLock(dir);
    } catch (err) {
      throw new BackupError((err as Error).message.replace(/^PGLITE_DIR: /, ''));
    }
    // Restored beside the target and moved into place only when whole.
    const staging = join(dirname(dir), `.restoring-${process.pid}-${Date.now()}`);
    try {
      const client = await openPgliteClient(staging, new Blob([new Uint8Array(payload)]));
      try {
        const restored = await appliedMigrations(
          async (q) => (await client.query(q)).rows as never,
        );
        if (restored.count !== header.migrations) throw new Error('the restored database differs');
      } finally {
        await client.close();
      }
      if (existsSync(dir)) rmSync(dir, { recursive: true }); // empty, checked above
      renameSync(staging, dir);
    } catch (err) {
      throw err instanceof BackupError
        ? err
        : new BackupError(
            `The backup could not be restored (${(err as Error).message}); nothing was written.`,
          );
    } finally {
      rmSync(staging, { recursive: true, force: true });
      release();
    }
    return header;
  }
  const env = pgEnv(config.url);
  requireTool('pg_restore');
  const { default: postgres } = await import('postgres');
  const sql = postgres(config.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')`;
    if (Number(row?.n) > 0) {
      throw new BackupError(
        'The database already holds tables: restore into an empty database (createdb a new one, point DATABASE_URL at it).',
      );
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new ConfigError('DATABASE_URL', `cannot connect (${(err as Error).message})`);
  } finally {
    await sql.end();
  }
  // One transaction: a restore that fails leaves the database as empty as it was.
  const restore = spawnSync(
    'pg_restore',
    [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      '--dbname',
      env.PGDATABASE ?? '',
    ],
    { env, input: payload, maxBuffer: 64 * 1024 ** 2 },
  );
  if (restore.status !== 0) {
    throw new BackupError(
      `pg_restore failed, nothing was written: ${restore.stderr.toString().trim().split('\n')[0]}`,
    );
  }
  return header;
}

function requireTool(name: 'pg_dump' | 'pg_restore'): void {
  const probe = spawnSync(name, ['--version']);
  if (probe.error || probe.status !== 0) {
    throw new BackupError(
      `${name} is not installed: install the PostgreSQL client tools of the server's version (Debian: apt-get install postgresql-client), then run this again.`,
    );
  }
}

/** The server's address as libpq variables: the password stays out of the process list. */
function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: decodeURIComponent(u.hostname),
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    ...(u.searchParams.get('sslmode') ? { PGSSLMODE: u.searchParams.get('sslmode') ?? '' } : {}),
  };
}
