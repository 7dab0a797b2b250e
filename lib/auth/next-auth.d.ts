import type { Role } from './permissions';

declare module 'next-auth' {
  interface User {
    role: Role;
    sv: number;
  }
  interface Session {
    user: { id: string; email: string | null; role: Role; sv: number };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    sv: number;
  }
}
