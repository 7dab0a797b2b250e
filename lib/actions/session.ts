'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionCookieName } from '@/lib/auth/cookies';
import { signOutViewer } from '@/lib/dal/sign-out';

// Signing out is a plain form post, so it works before the page's scripts have loaded, and it
// ends the session in the database: the cookie, wherever it was copied to, is dead after this.
// It needs no input and acts only on the caller's own session (none: nothing to end).
export async function signOutAction(): Promise<void> {
  await signOutViewer();
  (await cookies()).delete(sessionCookieName());
  redirect('/login');
}
