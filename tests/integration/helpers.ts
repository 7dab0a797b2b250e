import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import * as s from '../../db/schema';
import type { Viewer } from '../../lib/auth/permissions';
import { createSession, loadViewer } from '../../lib/dal/sessions';

/** Signs a user in the way the app does (a session row) and returns the viewer it loads. */
export async function viewerOf(db: Db, email: string): Promise<Viewer> {
  const [user] = await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const session = await createSession(db, { userId: user.id, ip: '127.0.0.1' });
  const viewer = await loadViewer(db, { userId: user.id, sessionId: session.id });
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}

/** Rows of a raw query on either driver (PGlite answers { rows }, postgres.js an array). */
export function rowsOf<T>(res: unknown): T[] {
  return Array.isArray(res) ? (res as T[]) : ((res as { rows: T[] }).rows ?? []);
}
