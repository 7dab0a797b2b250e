// `npm run db:seed`: loads the demo tour into the configured database (DATABASE_URL or PGLITE_DIR).
import { databaseConfigFromEnv } from './config';
import { openDatabase } from './connect';
import { ConfigError } from './errors';
import { SeedConflictError, seedDemoTour } from './seed';

async function main() {
  const config = databaseConfigFromEnv();
  const handle = await openDatabase(config);
  try {
    await handle.migrate();
    const { tourId } = await seedDemoTour(handle.db);
    const where = config.driver === 'postgres' ? 'the Postgres server' : config.dataDir;
    console.log(`Loaded the demo tour (${tourId}) into ${where}.`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  if (err instanceof SeedConflictError || err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(`db:seed failed: ${(err as Error).message}`);
  }
  process.exit(1);
});
