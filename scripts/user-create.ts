// `npm run user:create -- --role organizer --email ana@example.org [--name "Ana"] [--password ...]`
// Makes an account outside demo mode (the first organizer, say). Prints a generated password once.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { databaseConfigFromEnv } from '../db/config';
import { openDatabase } from '../db/connect';
import { users } from '../db/schema';
import { generatePassword, hashPassword } from '../lib/auth/password';
import { newPasswordSchema } from '../lib/validation/auth';

const argsSchema = z.object({
  role: z.enum(['organizer', 'coordinator']),
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().max(200).optional(),
  password: newPasswordSchema.optional(),
});

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${issue?.path.join('.')}: ${issue?.message}`);
  }
  const { role, email, name, password } = parsed.data;
  const handle = await openDatabase(databaseConfigFromEnv());
  try {
    await handle.migrate();
    const secret = password ?? generatePassword();
    const created = await handle.db
      .insert(users)
      .values({ email, role, displayName: name ?? null, passwordHash: await hashPassword(secret) })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created.length === 0) throw new Error(`--email: ${email} already has an account`);
    console.log(`Created ${role} ${email}.${password ? '' : ` Password (shown once): ${secret}`}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(`user:create: ${(err as Error).message}`);
  process.exit(1);
});
