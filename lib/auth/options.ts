import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isHttps } from '@/lib/config';
import { endSession, sessionIsLive } from '@/lib/dal/session-check';
import { attemptSignIn } from '@/lib/dal/sign-in';
import { authSecret } from './secret';

const twelveHours = 12 * 60 * 60;

/** Thrown from the jwt callback for a session the database no longer knows: next-auth then
 * clears the cookie and answers no session, instead of renewing the token. */
class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: twelveHours },
    jwt: { maxAge: twelveHours },
    // From the public address, not from what a request claims: Secure cookies behind TLS.
    useSecureCookies: isHttps(),
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials) {
          const result = await attemptSignIn(credentials);
          if (result.ok) {
            return {
              id: result.user.id,
              email: result.user.email,
              role: result.user.role,
              sid: result.sessionId,
            };
          }
          // The message reaches the sign-in form as `error`, which words it for the person.
          if (result.reason === 'locked') {
            throw new Error(`locked:${result.lock.locked}:${result.lock.retryAt.toISOString()}`);
          }
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sid = user.sid;
          return token;
        }
        // Every later use (GET /api/auth/session included) asks the database first: a session
        // that was signed out, revoked or disabled is never renewed or answered.
        if (!(await sessionIsLive({ userId: token.uid, sessionId: token.sid }))) {
          throw new SessionEndedError('session ended');
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, email: token.email ?? null, role: token.role };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(token.sid);
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is expected, not an error worth a log line; the rest are kept short
        // (no tokens, no request bodies).
        const name = (metadata as { name?: string } | undefined)?.name;
        if (name === 'SessionEndedError') return;
        console.error(`next-auth: ${code}${name ? ` (${name})` : ''}`);
      },
      warn(code) {
        console.warn(`next-auth: ${code}`);
      },
      debug() {},
    },
  };
}
