import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2ePort } from '../playwright.config';
import { demoPassword, demoUsers } from './support/auth';
import { expect, test } from './support/fixtures';
import { client, start, stop, waitForHealth } from './support/servers';

// These start their own servers from the build the web server made, each on its own port.

test.describe.configure({ mode: 'serial' });

test('a wrong DATABASE_URL stops the app with one line naming it', async () => {
  const run = start(3211, {
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere',
    NEXTAUTH_SECRET: 'a-secret-that-is-long-enough-for-the-check',
  });
  expect(await run.exited).not.toBe(0);
  const errors = run
    .output()
    .split('\n')
    .filter((l) => /cannot start/i.test(l));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('DATABASE_URL');
  expect(run.output()).not.toMatch(/^\s+at /m); // no stack trace
});

test('a Postgres deployment without a session secret stops with one line naming it', async () => {
  test.skip(!process.env.TEST_DATABASE_URL, 'needs a Postgres server');
  const run = start(3214, {
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
    NEXTAUTH_SECRET: '',
  });
  expect(await run.exited).not.toBe(0);
  const errors = run
    .output()
    .split('\n')
    .filter((l) => /cannot start/i.test(l));
  expect(errors).toEqual([expect.stringContaining('NEXTAUTH_SECRET: is not set')]);
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

test('the embedded database keeps its data, and sessions, across a restart', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-restart-'));
  const origin = 'http://127.0.0.1:3213';
  const env = { PGLITE_DIR: join(dir, 'db'), NEXTAUTH_URL: origin };
  const { call, signIn } = client(origin);
  const tourLinks = (html: string) =>
    [...html.matchAll(/href="(\/tours\/[0-9a-f-]{36})"/g)].map((m) => m[1]);
  try {
    const first = start(3213, env);
    expect(await waitForHealth(3213)).toEqual({ ok: true, database: 'pglite' });
    await signIn(demoUsers.organizer, demoPassword);
    const hrefs = tourLinks(await (await call('/')).text());
    expect(hrefs).toHaveLength(1);
    await stop(first.child);

    const second = start(3213, env);
    await waitForHealth(3213);
    const tourPage = await call(hrefs[0] ?? '/');
    expect(tourPage.status).toBe(200); // the same tour, and the session signed before the restart
    expect(await tourPage.text()).toContain('Overseas Chinese Media Tour');
    expect(tourLinks(await (await call('/')).text())).toEqual(hrefs);
    await stop(second.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('behind TLS the session cookie is Secure, HSTS is sent, and redirects use the public address', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-tls-'));
  const origin = 'http://127.0.0.1:3215';
  const run = start(3215, { PGLITE_DIR: join(dir, 'db'), PUBLIC_URL: 'https://tourdesk.example' });
  try {
    await waitForHealth(3215);
    const behindProxy = { 'x-forwarded-proto': 'https', host: 'tourdesk.example' };
    const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: behindProxy });
    const { csrfToken } = await csrf.json();
    const csrfCookies = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const signIn = await fetch(`${origin}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        ...behindProxy,
        'content-type': 'application/x-www-form-urlencoded',
        cookie: csrfCookies,
      },
      body: new URLSearchParams({
        csrfToken,
        email: demoUsers.coordinator,
        password: demoPassword,
        callbackUrl: '/',
      }),
    });
    const location = signIn.headers.get('location') ?? '';
    expect(location.startsWith('https://tourdesk.example/')).toBe(true);
    const session = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Secure-next-auth.session-token='));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    const page = await fetch(`${origin}/login`, { headers: behindProxy });
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  } finally {
    await stop(run.child);
    rmSync(dir, { recursive: true, force: true });
  }
});
