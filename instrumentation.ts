export async function register() {
  // The database and its migrations are Node-only; the edge runtime has nothing to prepare.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startup } = await import('./db/startup');
    await startup();
  }
}
