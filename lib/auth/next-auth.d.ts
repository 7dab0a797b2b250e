import type { Role } from './permissions';

declare module 'next-auth' {
  interface User {
    role: Role;
    sid: string;
  }
  interface Session {
    user: { id: string; email: string | null; role: Role };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    /** The user_sessions row this cookie belongs to. */
    sid: string;
  }
}
