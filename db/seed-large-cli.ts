// `npm run db:large`: adds a generated tour of 10,000 delegates and 30,000 visits to the
// configured database (after the demo tour, whose reference data it uses), for benchmarks and
// for trying the app at the size it must hold.
import { databaseConfigFromEnv } from './config';
import { openDatabase } from './connect';
import { ConfigError } from './errors';
import { seedDemoIfEmpty } from './seed';
import { largeTourDefaults, seedLargeTour } from './seed/large';

async function main() {
  const delegates = Number(process.argv[2] ?? largeTourDefaults.delegates);
  if (!Number.isInteger(delegates) || delegates < 1 || delegates > 100_000) {
    throw new ConfigError('delegates', 'give a whole number from 1 to 100000');
  }
  const handle = await openDatabase(databaseConfigFromEnv());
  try {
    await handle.migrate();
    await seedDemoIfEmpty(handle.db);
    const started = Date.now();
    const made = await seedLargeTour(handle.db, { delegates });
    console.log(
      `Added a tour of ${delegates} delegates in ${made.groups} groups and ${made.visits} visits (${made.tourId}) in ${Date.now() - started} ms.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError
      ? err.message
      : `db:large failed: ${err.cause?.message ?? err.message}`,
  );
  process.exit(1);
});
