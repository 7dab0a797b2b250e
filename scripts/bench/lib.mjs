// Shared by the bench suites (scripts/bench/*.mjs): start a server, sign in, load a page, and
// measure it with autocannon beside the bare dynamic page of the same run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const settings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
};

export const demo = {
  password: 'tourdesk-demo',
  organizer: 'organizer@example.com',
  coordinator: 'coordinator@example.com',
  journalist: 'journalist@example.com',
};

/** Builds when there is no build yet. */
export function ensureBuild() {
  if (existsSync('.next/BUILD_ID')) return;
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

/**
 * Serves the production build on `port`: on a fresh embedded database (seeded with the demo tour
 * by the app itself), or on `databaseUrl`. Returns the base address and a stop function.
 */
export async function startServer({ port, databaseUrl = '', env = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-'));
  const server = spawn('node', ['scripts/server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PGLITE_DIR: join(dir, 'db'),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'bench-secret-that-is-long-enough-000000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop, pid: server.pid };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error('the server did not become healthy');
}

/** Signs in through next-auth and returns the Cookie header of the session. */
export async function signIn(base, email, password = demo.password) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) {
    throw new Error(`could not sign in as ${email}`);
  }
  return header(jar);
}

function cookiesOf(res) {
  const jar = new Map();
  for (const c of res.headers.getSetCookie()) {
    const [pair = ''] = c.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return jar;
}
const header = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** One GET as a signed-in user: status and the size of the HTML (or body) in bytes. */
export async function load(base, path, cookie) {
  const res = await fetch(`${base}${path}`, {
    headers: cookie ? { cookie } : {},
    redirect: 'manual',
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes: body.length, text: body.toString('utf8') };
}

/** autocannon against one address, signed in when a cookie is given. */
export function measure(
  base,
  path,
  { cookie, seconds = settings.seconds, connections = settings.connections } = {},
) {
  // Requests per second in steady state: the first second is a warm-up, not counted. At 50
  // connections a page answers in about a second, so a count from the start would miss a whole
  // round of answers, and miss more of a slow page's than of a fast one's.
  const warmUp = 1;
  return new Promise((resolve, reject) => {
    const perSecond = [];
    const run = autocannon(
      {
        url: `${base}${path}`,
        connections,
        duration: seconds + warmUp,
        headers: cookie ? { cookie } : {},
      },
      (err, result) => {
        if (err) return reject(err);
        const steady = perSecond.slice(warmUp);
        resolve({
          rps: steady.length
            ? steady.reduce((sum, n) => sum + n, 0) / steady.length
            : result.requests.average,
          p99: result.latency.p99,
          errors: result.errors + result.non2xx,
        });
      },
    );
    run.on('tick', ({ counter }) => perSecond.push(counter));
  });
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The bare dynamic page every page is compared with: signed in, an address no route matches
 * renders the whole layout and the 404 page with no query beyond the session's, the cost of any
 * signed-in page before its own data. (Not a guarded page: a refusal there writes an audit entry,
 * which is not bare.)
 */
export const barePage = { name: 'bare dynamic page (signed-in 404)', path: '/no-such-page' };

/**
 * A page and the bare page in alternating halves (bare, page, bare, page), so that a machine
 * busier for a while weighs on both alike and the ratio holds even when the figures do not.
 * Without `bare`, the page alone (it is the bare page).
 */
export async function besideBare(base, page, bare, { connections = settings.connections } = {}) {
  if (!bare) {
    const r = await measure(base, page.path, { cookie: page.cookie, connections });
    return { page: r, bare: r, ratio: 1, spread: '' };
  }
  // Bare and page in alternating slices of about four seconds (bare, page, bare, page, ...): this
  // machine's speed drifts over seconds (a shared virtual machine), so each slice of the page is
  // paired with the bare slice just before it, and the ratio is the median of the pairs.
  const pairs = Math.max(1, Math.round(settings.seconds / 4));
  const slice = Math.max(1, Math.round(settings.seconds / pairs));
  const pages = [];
  const bares = [];
  for (let i = 0; i < pairs; i++) {
    bares.push(
      await measure(base, bare.path, { cookie: bare.cookie, seconds: slice, connections }),
    );
    pages.push(
      await measure(base, page.path, { cookie: page.cookie, seconds: slice, connections }),
    );
  }
  const mean = (list) => ({
    rps: list.reduce((sum, r) => sum + r.rps, 0) / list.length,
    p99: Math.max(...list.map((r) => r.p99)),
    errors: list.reduce((sum, r) => sum + r.errors, 0),
  });
  const ratios = pages.map((r, i) => r.rps / (bares[i]?.rps || 1)).sort((x, y) => x - y);
  const middle = ratios.length / 2;
  const ratio =
    ratios.length % 2 ? ratios[Math.floor(middle)] : (ratios[middle - 1] + ratios[middle]) / 2;
  // The lowest and highest pair: how far one slice's figure can stray (see README, Benchmarks).
  const spread = `${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}`;
  return { page: mean(pages), bare: mean(bares), ratio, spread };
}
