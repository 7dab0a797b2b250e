import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { databaseConfigFromEnv } from '@/db/config';
import { ConfigError } from '@/db/errors';

// Passport numbers are encrypted in the database with AES-256-GCM. The key comes from
// PASSPORT_KEY (32 bytes, base64); older keys listed in PASSPORT_KEYS_OLD still decrypt, so a key
// can be rotated: set the new one, move the old one to PASSPORT_KEYS_OLD, run
// `npm run passports:rekey`, then drop the old one. In demo mode on the embedded database a key
// is generated once and kept beside it, as the session secret is.

const prefix = 'v1';

interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

const store = globalThis as typeof globalThis & { __tourdeskPassportKeys?: Keyring };

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function parseKey(value: string, setting: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) {
    throw new ConfigError(setting, 'must be 32 bytes in base64 (openssl rand -base64 32)');
  }
  return key;
}

function resolveCurrentKey(env: Record<string, string | undefined>): Buffer {
  if (env.PASSPORT_KEY?.trim()) return parseKey(env.PASSPORT_KEY, 'PASSPORT_KEY');
  const config = databaseConfigFromEnv(env);
  if (config.driver === 'pglite' && config.dataDir) {
    const file = `${config.dataDir}.passport-key`;
    try {
      if (existsSync(file)) return parseKey(readFileSync(file, 'utf8'), 'PASSPORT_KEY');
      const key = randomBytes(32);
      // The key may be needed before the database folder is first opened (a seed on a fresh clone).
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, key.toString('base64'), { mode: 0o600 });
      return key;
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      throw new ConfigError(
        'PGLITE_DIR',
        `cannot keep the passport key beside it: ${(err as Error).message}`,
      );
    }
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'PASSPORT_KEY',
      'is not set; a Postgres deployment needs one (openssl rand -base64 32)',
    );
  }
  // Tests and development on an in-memory or throwaway database: a key for this process only.
  return randomBytes(32);
}

export function passportKeyring(env: Record<string, string | undefined> = process.env): Keyring {
  if (env === process.env && store.__tourdeskPassportKeys) return store.__tourdeskPassportKeys;
  const current = resolveCurrentKey(env);
  const byId = new Map([[keyId(current), current]]);
  for (const old of (env.PASSPORT_KEYS_OLD ?? '').split(',').filter((v) => v.trim())) {
    const key = parseKey(old, 'PASSPORT_KEYS_OLD');
    byId.set(keyId(key), key);
  }
  const ring = { current: { id: keyId(current), key: current }, byId };
  if (env === process.env) store.__tourdeskPassportKeys = ring;
  return ring;
}

/** "v1.<key id>.<iv>.<tag>.<ciphertext>", all base64url. */
export function encryptPassport(plain: string, ring: Keyring = passportKeyring()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [prefix, ring.current.id, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(`${prefix}.`);
}

/** The plain number, or null when the value cannot be read with any configured key. */
export function decryptPassport(value: string, ring: Keyring = passportKeyring()): string | null {
  const [version, id, iv, tag, data] = value.split('.');
  if (version !== prefix || !id || !iv || !tag || data === undefined) return null;
  const key = ring.byId.get(id);
  if (!key) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}

/** What everyone but an organizer sees: the last three characters. */
export function maskPassport(plain: string | null): string | null {
  if (!plain) return null;
  return `${'•'.repeat(Math.max(plain.length - 3, 3))}${plain.slice(-3)}`;
}

export function needsRekey(value: string, ring: Keyring = passportKeyring()): boolean {
  return !isEncrypted(value) || value.split('.')[1] !== ring.current.id;
}
