// `npm run user:create -- --role organizer --email ana@example.org [--name "Ana"] [--password ...]`
// Makes an account outside demo mode (the first organizer, say). Prints a generated password once.
// It goes through the data-access layer, so the account is audited like one made in the app.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { databaseConfigFromEnv } from '../db/config';
import { openDatabase } from '../db/connect';
import { generatePassword } from '../lib/auth/password';
import { createAccountFromCommandLine } from '../lib/dal/users/admin';
import { newPasswordSchema } from '../lib/validation/auth';
import { email, optionalText } from '../lib/validation/text';

const argsSchema = z.object({
  role: z.enum(['organizer', 'coordinator']),
  email,
  name: optionalText(100),
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
  const { role, email: address, name, password } = parsed.data;
  const handle = await openDatabase(databaseConfigFromEnv());
  try {
    await handle.migrate();
    const secret = password ?? generatePassword();
    const created = await createAccountFromCommandLine(handle.db, {
      email: address,
      role,
      displayName: name,
      password: secret,
    });
    if (!created.ok) throw new Error(`--email: ${address} already has an account`);
    console.log(
      `Created ${role} ${address}.${password ? '' : ` Password (shown once): ${secret}`}`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(`user:create: ${(err as Error).message}`);
  process.exit(1);
});
