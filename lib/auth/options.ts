import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { attemptSignIn } from '@/lib/dal/sign-in';
import { authSecret } from './secret';

const twelveHours = 12 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: twelveHours },
    jwt: { maxAge: twelveHours },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials) {
          const user = await attemptSignIn(credentials);
          return user
            ? { id: user.id, email: user.email, role: user.role, sv: user.sessionVersion }
            : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sv;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid,
          email: token.email ?? null,
          role: token.role,
          sv: token.sv,
        };
        return session;
      },
    },
  };
}
