// postgres.js 3.4.9 crashes the process when a connection drops with a small write still
// buffered: the buffered write runs on the next tick against a socket that is already gone
// (`Cannot read properties of null (reading 'write')`, an uncaught exception), and the
// connection's write timer is left set, so a reconnected connection never flushes again and its
// queries hang. Upstream: porsager/postgres#1154, #1208 (fixes in PRs #1168, #1176, #1209, not
// released). Dropped connections are what a failover does (issue 12), so until a release has
// the fix, `npm install` applies it here (package.json "postinstall"); idempotent.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const files = ['src', 'cjs/src', 'cf/src'].map((d) => `node_modules/postgres/${d}/connection.js`);
const marker = '/* tourdesk: guarded nextWrite */';
const edits = [
  [
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `  function nextWrite(fn) {\n    ${marker}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  // Both teardowns: forget the buffered bytes and the timer, so the next connection flushes.
  [
    '    clearImmediate(nextWriteTimer)\n    if (socket) {',
    '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {',
  ],
  [
    '    clearImmediate(nextWriteTimer)\n    socket.removeListener',
    '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener',
  ],
];

let patched = 0;
for (const file of files) {
  if (!existsSync(file)) continue;
  let text = readFileSync(file, 'utf8');
  if (text.includes(marker)) continue;
  for (const [from, to] of edits) {
    if (!text.includes(from)) {
      console.warn(`patch-postgres: ${file} is not the expected postgres.js 3.4.9; left as it is`);
      text = null;
      break;
    }
    text = text.replace(from, to);
  }
  if (text) {
    writeFileSync(file, text);
    patched++;
  }
}
if (patched) console.log(`patch-postgres: guarded dropped connections in ${patched} file(s)`);
