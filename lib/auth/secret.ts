import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { databaseConfigFromEnv } from '@/db/config';
import { ConfigError } from '@/db/errors';

const minLength = 32;
const store = globalThis as typeof globalThis & { __tourdeskAuthSecret?: string };

/**
 * The key that signs session cookies. From NEXTAUTH_SECRET (or AUTH_SECRET) when set; in demo mode
 * on the embedded database, generated once and kept beside it so sessions survive a restart. With
 * a Postgres server in production there is no fallback: a missing or short secret stops the app.
 */
export function authSecret(env: Record<string, string | undefined> = process.env): string {
  if (env === process.env && store.__tourdeskAuthSecret) return store.__tourdeskAuthSecret;
  const secret = resolveSecret(env);
  if (env === process.env) store.__tourdeskAuthSecret = secret;
  return secret;
}

function resolveSecret(env: Record<string, string | undefined>): string {
  const given = (env.NEXTAUTH_SECRET ?? env.AUTH_SECRET)?.trim();
  if (given && given.length >= minLength) return given;
  const config = databaseConfigFromEnv(env);
  if (config.driver === 'pglite' && config.dataDir && !given) {
    const file = `${config.dataDir}.auth-secret`;
    try {
      if (existsSync(file)) return readFileSync(file, 'utf8').trim();
      const secret = randomBytes(32).toString('base64url');
      writeFileSync(file, secret, { mode: 0o600 });
      return secret;
    } catch (err) {
      throw new ConfigError(
        'PGLITE_DIR',
        `cannot keep the session secret beside it: ${(err as Error).message}`,
      );
    }
  }
  if (env.NODE_ENV === 'production' || given) {
    throw new ConfigError(
      'NEXTAUTH_SECRET',
      given
        ? `is ${given.length} characters; use at least ${minLength} (openssl rand -base64 32)`
        : `is not set; a Postgres deployment needs one of at least ${minLength} characters (openssl rand -base64 32)`,
    );
  }
  // Development on a Postgres server: sessions end when the process does.
  return randomBytes(32).toString('base64url');
}
