import { isHttps } from '@/lib/config';

/** next-auth's session cookie: `__Secure-` prefixed (and Secure) when the app is served over https. */
export function sessionCookieName(): string {
  return isHttps() ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}
