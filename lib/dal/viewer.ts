import 'server-only';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '@/db';
import { authOptions } from '@/lib/auth/options';
import type { Viewer } from '@/lib/auth/permissions';
import { loadViewer } from './accounts';
import { currentPath } from './request';

/** The signed-in user for this request, checked against the database, or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  let session: Awaited<ReturnType<typeof getServerSession>> = null;
  try {
    session = await getServerSession(authOptions());
  } catch {
    return null; // a forged or undecodable cookie is no session
  }
  const user = (session as { user?: { id?: unknown; sv?: unknown } } | null)?.user;
  if (typeof user?.id !== 'string' || typeof user.sv !== 'number') return null;
  return loadViewer(await getDb(), { userId: user.id, sessionVersion: user.sv });
});

/** For pages: the viewer, or a redirect to sign in and come back. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return viewer;
}
