import 'server-only';
import { getDb } from '@/db';
import { credentialsSchema } from '@/lib/validation/auth';
import { signInWithPassword } from './accounts';
import { recordAudit } from './audit';
import { clientIp } from './request';

/** next-auth's authorize: validates, rate-limits and checks a password; null refuses. */
export async function attemptSignIn(credentials: unknown) {
  const db = await getDb();
  const ip = await clientIp();
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) {
    await recordAudit(db, {
      action: 'login.malformed',
      ip,
      detail: { fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))] },
    });
    return null;
  }
  const result = await signInWithPassword(db, { ...parsed.data, ip });
  return result.ok ? result.user : null;
}
