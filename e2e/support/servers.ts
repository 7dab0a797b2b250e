import { type ChildProcess, spawn } from 'node:child_process';

// Servers started by a test from the build the web server made, each on its own port. The
// production server directly: `npm start` would rebuild under the running web server if a
// source file is newer than the build.

export function start(
  port: number,
  env: Record<string, string>,
  command = ['node', 'scripts/server.mjs'],
) {
  const [bin = 'npx', ...args] = command;
  const child = spawn(bin, args, {
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port) },
    detached: true,
    // Output is read through pipes; stdin is not needed and would keep the child tied to us.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Stops the whole process group (npx and the server under it) and waits until it is gone. */
export async function stop(child: ChildProcess) {
  if (!child.pid) return;
  const group = -child.pid;
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(group, 'SIGTERM');
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(group, 'SIGKILL');
}

export async function waitForHealth(port: number) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
        signal: AbortSignal.timeout(2000),
      });
      // Awaited here, so that a body cut short by the timeout is retried like a refused connection.
      if (res.ok) return await res.json();
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no healthy server on ${port}`);
}

/**
 * Plain fetch with a small cookie jar, signed in through next-auth's credentials callback.
 * Nothing keeps a connection open, so the server under test can be stopped at any time.
 */
export function client(origin: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${origin}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookie() },
      signal: AbortSignal.timeout(30_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  const signIn = async (email: string, password: string) => {
    const { csrfToken } = await (await call('/api/auth/csrf')).json();
    await call('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    });
  };
  return { call, signIn };
}
