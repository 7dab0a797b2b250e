// The production server: Next's request handler behind a plain Node HTTP server, so that the app
// knows the connection's own address (Next keeps a client's X-Forwarded-For as it is), tags each
// request with an id, and stops cleanly: on SIGTERM it takes no new requests, lets those in
// flight finish, closes the database, and exits 0.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { clientAddress } from '../lib/client-address.mjs';

const fail = (line) => {
  console.error(`Tourdesk cannot start. ${line}`);
  process.exit(1);
};

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`PORT: "${process.env.PORT}" is not a port number (1-65535).`);
}
const hopsSetting = process.env.TRUST_PROXY_HOPS?.trim() || '0';
const hops = Number(hopsSetting);
if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
  fail(`TRUST_PROXY_HOPS: "${hopsSetting}" is not a number of proxies from 0 to 10.`);
}
const publicUrl = process.env.PUBLIC_URL?.trim() || process.env.NEXTAUTH_URL?.trim();
// next-auth builds its redirects from NEXTAUTH_URL: the public address, never a guess.
process.env.NEXTAUTH_URL = publicUrl || `http://localhost:${port}`;
process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

let inFlight = 0;
let stopping = false;
const server = createServer((req, res) => {
  // Set here, after anything a client sent under the same names is dropped.
  req.headers['x-tourdesk-client-ip'] = clientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    hops,
  );
  const id = randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  if (stopping) res.setHeader('Connection', 'close');
  inFlight++;
  res.once('close', () => {
    inFlight--;
  });
  handle(req, res).catch((err) => {
    console.error(`request ${id} failed: ${err?.name ?? 'Error'}`);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.keepAliveTimeout = 5_000;
server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    fail(`PORT: ${port} is already in use; stop what runs there or set PORT to a free port.`);
  }
  fail(`the server could not listen on ${port}: ${err.message}`);
});
server.listen(port, () => {
  console.log(`Tourdesk: listening on port ${port}`);
});

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`Tourdesk: ${signal}: finishing ${inFlight} request(s), then stopping.`);
  // Long-lived responses (live updates) end themselves when told to.
  globalThis.__tourdeskShutdown?.dispatchEvent(new Event('shutdown'));
  server.close();
  server.closeIdleConnections();
  const deadline = Date.now() + shutdownMs;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  server.closeAllConnections();
  try {
    const db = await globalThis.__tourdeskDb;
    await db?.close();
  } catch {}
  process.exit(0);
}
globalThis.__tourdeskShutdown ??= new EventTarget();
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
