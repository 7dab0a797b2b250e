import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// scripts/patch-react-flight.mjs (postinstall): the error React's server renderer aborts a
// completed render's cache signal with carries no stack frames, which would keep that render,
// and the requests chained to it, in memory.
const root = join(__dirname, '../..');

it('a completed render aborts its cache signal with an error that holds no stack frames', () => {
  // The React server renderer needs the react-server export of React: a process of its own.
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', join(root, 'tests/fixtures/flight-completed-reason.cjs')],
    { cwd: root, encoding: 'utf8' },
  );
  expect(JSON.parse(out)).toEqual({
    aborted: true,
    message: expect.stringContaining('This render completed successfully'),
    frames: 0,
  });
});

it('no React server build Next ships still makes that error with a stack', () => {
  const compiled = join(root, 'node_modules/next/dist/compiled');
  const making = readdirSync(compiled, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((f) => readFileSync(f, 'utf8').includes('This render completed successfully'));
  // The production page runtime the server loads is among them.
  expect(making).toContain(join(compiled, 'next-server', 'app-page-turbo.runtime.prod.js'));
  for (const f of making) {
    const text = readFileSync(f, 'utf8');
    expect(text.split('This render completed successfully').length - 1, f).toBe(
      text.split('tourdesk: stackless render-completed reason').length - 1,
    );
  }
});
