// `npm run db:backup -- FILE` and `npm run db:restore -- FILE`: the configured database
// (DATABASE_URL, else the embedded one in PGLITE_DIR). See README, "Operations".
import { BackupError, backupDatabase, restoreDatabase } from './backup';
import { databaseConfigFromEnv } from './config';
import { ConfigError } from './errors';

async function main() {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error(`Usage: npm run db:${command === 'restore' ? 'restore' : 'backup'} -- FILE`);
    process.exit(2);
  }
  const config = databaseConfigFromEnv();
  const where =
    config.driver === 'pglite'
      ? `the embedded database in ${config.dataDir}`
      : 'the Postgres server';
  if (command === 'backup') {
    const header = await backupDatabase(config, file);
    console.log(
      `Backed up ${where} to ${file} (${header.bytes} bytes, ${header.migrations} migrations).`,
    );
  } else {
    const header = await restoreDatabase(config, file);
    console.log(`Restored ${file} (taken ${header.createdAt}) into ${where}.`);
  }
}

main().catch((err) => {
  if (err instanceof BackupError || err instanceof ConfigError) console.error(err.message);
  else console.error(`failed: ${(err as Error).message}`);
  process.exit(1);
});
