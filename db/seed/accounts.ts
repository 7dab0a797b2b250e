import { inArray } from 'drizzle-orm';
import type { Db } from '../connect';
import { users } from '../schema';

/** Part of the public interface: the README names them and scripts outside the repo use them. */
export const demoPassword = 'tourdesk-demo';
export const demoAccounts = {
  organizer: 'organizer@example.com',
  coordinator: 'coordinator@example.com',
  journalist: 'journalist@example.com',
  journalist2: 'journalist2@example.com',
} as const;

/** Whether the demo accounts exist, so the start-up log may say how to sign in. */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, Object.values(demoAccounts)));
  return rows.length > 0;
}
