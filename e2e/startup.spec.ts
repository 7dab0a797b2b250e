import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2ePort } from '../playwright.config';
import { expect, test } from './support/fixtures';

// These start their own servers from the build the web server made, each on its own port.
// `next start` directly: `npm start` would rebuild under the running web server if a source
// file is newer than the build.
function start(
  port: number,
  env: Record<string, string>,
  command = ['npx', 'next', 'start', '-p', String(port)],
) {
  const [bin = 'npx', ...args] = command;
  const child = spawn(bin, args, {
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port) },
    detached: true,
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

function stop(child: ChildProcess) {
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
}

async function waitForHealth(port: number) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return res.json();
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no healthy server on ${port}`);
}

test.describe.configure({ mode: 'serial' });

test('a wrong DATABASE_URL stops the app with one line naming it', async () => {
  const run = start(3211, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere' });
  expect(await run.exited).not.toBe(0);
  const errors = run
    .output()
    .split('\n')
    .filter((l) => /cannot start/i.test(l));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('DATABASE_URL');
  expect(run.output()).not.toMatch(/^\s+at /m); // no stack trace
});

test('an unwritable PGLITE_DIR stops the app with one line naming it', async () => {
  const run = start(3212, { PGLITE_DIR: '/etc/hostname/pglite' });
  expect(await run.exited).not.toBe(0);
  expect(run.output()).toMatch(/cannot start.*PGLITE_DIR/i);
  expect(run.output()).not.toMatch(/^\s+at /m);
});

test('a port in use stops the app with one line naming PORT', async () => {
  // The check runs before any build, so npm start's own script is safe to run here.
  const run = start(e2ePort, {}, ['node', 'scripts/start.mjs']);
  expect(await run.exited).not.toBe(0);
  expect(run.output()).toMatch(/cannot start.*PORT: \d+ is already in use/);
});

test('the embedded database keeps its data across a restart', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-restart-'));
  const env = { PGLITE_DIR: join(dir, 'db') };
  try {
    const first = start(3213, env);
    expect(await waitForHealth(3213)).toEqual({ ok: true, database: 'pglite' });
    await page.goto('http://127.0.0.1:3213/');
    const link = page.getByRole('link', { name: /Overseas Chinese Media Tour/ });
    await expect(link).toHaveCount(1);
    const href = await link.getAttribute('href');
    stop(first.child);
    await first.exited;

    const second = start(3213, env);
    await waitForHealth(3213);
    await page.goto(`http://127.0.0.1:3213${href}`);
    await expect(page.getByText('Overseas Chinese Media Tour').first()).toBeVisible();
    await page.goto('http://127.0.0.1:3213/');
    await expect(page.getByRole('link', { name: /Overseas Chinese Media Tour/ })).toHaveCount(1);
    stop(second.child);
    await second.exited;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
