import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import { cache } from 'react';
import { getDb } from '@/db';
import { sessionCookieName } from '@/lib/auth/cookies';
import type { Viewer } from '@/lib/auth/permissions';
import { authSecret } from '@/lib/auth/secret';
import { currentPath } from './request';
import { loadViewer } from './sessions';

/**
 * The signed-in user for this request, checked against the database (account enabled, session
 * neither signed out nor revoked), or null. The cookie is decoded here rather than through
 * next-auth's session route, so a page costs one query.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw || raw.length > 4096) return null;
  let token: Awaited<ReturnType<typeof decode>> = null;
  try {
    token = await decode({ token: raw, secret: authSecret() });
  } catch {
    return null; // a forged or undecodable cookie is no session
  }
  if (typeof token?.uid !== 'string' || typeof token.sid !== 'string') return null;
  return loadViewer(await getDb(), { userId: token.uid, sessionId: token.sid });
});

/** For pages: the viewer, or a redirect to sign in and come back. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return viewer;
}
