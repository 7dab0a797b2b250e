// The production server: Next's request handler behind a plain Node HTTP server, so that the app
// knows the connection's own address (Next keeps a client's X-Forwarded-For as it is), tags each
// request with an id, and stops cleanly: on SIGTERM it takes no new requests, lets those in
// flight finish, closes the database, and exits 0.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import pino from 'pino';
import pretty from 'pino-pretty';
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

// The process's one logger (lib/log.ts uses the same one): JSON lines off a terminal, readable
// text on one.
const log = pino(
  { level: process.env.LOG_LEVEL ?? 'info', base: undefined },
  process.stdout.isTTY ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss' }) : undefined,
);
globalThis.__tourdeskLog = log;

const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

// Server actions: Next reads and decodes the body before any code of ours runs, and answers 500
// to a body it cannot read or that is too large. Those are the caller's mistakes, so here they
// are refused as such: an oversized or unmeasured body before Next reads it, an unreadable one
// when Next gives up on it before our action wrapper started (lib/dal/action.ts marks that).
const actionBodyLimit = 1024 * 1024; // Next's own limit for server actions
const requestState = new AsyncLocalStorage();
globalThis.__tourdeskRequest = requestState;

function refuseRequest(req, res, id, status, code, message) {
  res.statusCode = status;
  // The body may still be arriving: do not keep the connection for it.
  if (status === 411 || status === 413) res.setHeader('Connection', 'close');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ ok: false, code, message, ref: id }));
  globalThis.__tourdeskRecordRefusal?.({
    action: 'action.malformed',
    target: loggedPath(req.url),
    ip: req.headers['x-tourdesk-client-ip'],
    detail: { reason: code },
  });
}

/** A request's path for the logs: no query, and a calendar feed's secret address replaced. */
function loggedPath(url) {
  return (url ?? '/')
    .split('?')[0]
    .replace(/^\/api\/feeds\/[^/]+/, '/api/feeds/:token')
    .slice(0, 300);
}

/** Answers 400 instead of Next's 500 when an action request failed before our wrapper ran. */
function guardActionResponse(req, res, id, state) {
  const original = {
    write: res.write,
    end: res.end,
    writeHead: res.writeHead,
    flushHeaders: res.flushHeaders,
  };
  let pendingHead = null;
  let decided = false;
  let refused = false;
  // Decided at the first byte (or header flush): until then Next's status is only recorded. The
  // wrappers stay in place and pass through afterwards: Next may wrap them in turn, and putting
  // the originals back would cut its wrappers out (the response then never ends).
  const decide = () => {
    if (decided) return;
    decided = true;
    if (res.statusCode >= 500 && !state.actionStarted) {
      refused = true;
      for (const name of res.getHeaderNames()) if (name !== 'x-request-id') res.removeHeader(name);
      // The refusal is sent through the originals; whatever wraps ours now stays, and reaches
      // wrappers that drop what Next still sends.
      const current = { writeHead: res.writeHead, write: res.write, end: res.end };
      Object.assign(res, {
        writeHead: original.writeHead,
        write: original.write,
        end: original.end,
      });
      refuseRequest(req, res, id, 400, 'malformed', 'The request could not be read.');
      Object.assign(res, current);
    } else if (pendingHead) {
      original.writeHead.apply(res, pendingHead);
    }
  };
  res.writeHead = (status, ...rest) => {
    if (decided) return refused ? res : original.writeHead.call(res, status, ...rest);
    res.statusCode = status;
    pendingHead = [status, ...rest];
    return res;
  };
  res.flushHeaders = () => {
    decide();
    // Whatever Next still sends after a refusal goes nowhere.
    if (!refused) original.flushHeaders.call(res);
  };
  res.write = (...args) => {
    decide();
    return refused ? true : original.write.apply(res, args);
  };
  res.end = (...args) => {
    decide();
    return refused ? res : original.end.apply(res, args);
  };
}

let inFlight = 0;
let lastArrival = 0;
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
  lastArrival = Date.now();
  const started = performance.now();
  log.debug({ requestId: id, method: req.method, path: loggedPath(req.url) }, 'started');
  res.once('close', () => {
    inFlight--;
    // One line per request. The path only: a query may carry what a person typed or a token.
    log.info(
      {
        requestId: id,
        method: req.method,
        path: loggedPath(req.url),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
  });
  if (stopping) {
    // Shutting down: a request that arrives now is answered, not cut off: 503, try again (a
    // load balancer sends it to another instance; readiness already says 503).
    res.statusCode = 503;
    res.setHeader('Connection', 'close');
    res.setHeader('Retry-After', '5');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(
      JSON.stringify({
        ok: false,
        code: 'unavailable',
        message: 'The server is restarting; nothing was done. Try again in a moment.',
        ref: id,
      }),
    );
    return;
  }
  const state = { actionStarted: false };
  if (req.method === 'POST' && req.headers['next-action']) {
    const length = Number(req.headers['content-length']);
    if (!req.headers['content-length'] || !Number.isFinite(length)) {
      return refuseRequest(
        req,
        res,
        id,
        411,
        'length_required',
        'Send the request with its length.',
      );
    }
    if (length > actionBodyLimit) {
      return refuseRequest(req, res, id, 413, 'too_large', 'The request is too large.');
    }
    guardActionResponse(req, res, id, state);
  }
  requestState.run(state, () => {
    handle(req, res).catch((err) => {
      log.error({ requestId: id, error: err?.name ?? 'Error' }, 'request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
});
// Longer than the idle timeout of the proxies usually put in front (60 s), so a reused
// connection is never closed under a request that is on its way.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    fail(`PORT: ${port} is already in use; stop what runs there or set PORT to a free port.`);
  }
  fail(`the server could not listen on ${port}: ${err.message}`);
});
server.listen(port, () => {
  log.info({ port }, 'listening');
});

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  // Readiness answers 503 from now on, so a load balancer stops sending (lib/dal/health.ts).
  globalThis.__tourdeskStopping = true;
  log.info({ signal, inFlight }, 'stopping: finishing requests in flight');
  // Long-lived responses (live updates) end themselves when told to.
  globalThis.__tourdeskShutdown?.dispatchEvent(new Event('shutdown'));
  // Still listening while the requests in flight finish: new ones are answered 503 above rather
  // than reset. Neither the listening socket nor idle connections are closed yet: closing them
  // resets connections the kernel accepted whose request Node has not read yet (a busy server
  // has many), and a keep-alive connection's next request is answered 503 with
  // `Connection: close` anyway.
  // Done when nothing is in flight and nothing has arrived for a moment (clients and the load
  // balancer have taken the 503s and gone), or at the deadline.
  const deadline = Date.now() + shutdownMs;
  const quietMs = 300;
  while ((inFlight > 0 || Date.now() - lastArrival < quietMs) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  server.close();
  server.closeAllConnections();
  try {
    const db = await globalThis.__tourdeskDb;
    await db?.close();
  } catch (err) {
    log.error({ error: err?.name ?? 'Error' }, 'closing the database failed');
  }
  log.info({ left: inFlight }, 'stopped');
  log.flush?.();
  process.exit(0);
}
globalThis.__tourdeskShutdown ??= new EventTarget();
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
