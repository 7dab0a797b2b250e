import 'server-only';
import { getDb } from '@/db';
import { credentialsSchema } from '@/lib/validation/auth';
import { type SignInResult, signInWithPassword } from './accounts';
import { recordRefusal } from './audit';
import { clientIp } from './request';

/** next-auth's authorize: validates, rate-limits and checks a password. */
export async function attemptSignIn(credentials: unknown): Promise<SignInResult> {
  const db = await getDb();
  const ip = await clientIp();
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) {
    // Which fields were wrong, by known name only: nothing the caller sent is stored.
    await recordRefusal({ action: 'login.malformed', ip, detail: { reason: 'invalid' } });
    return { ok: false, reason: 'invalid' };
  }
  return signInWithPassword(db, { ...parsed.data, ip });
}
