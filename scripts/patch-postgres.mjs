// postgres.js 3.4.9 has two faults that a dropped connection sets off (issue 12: dropped connections
// are what a failover does). Until a release has the fixes, `npm install` applies them here
// (package.json "postinstall"); idempotent.
// 1. It crashes the process when a connection drops with a small write still buffered: the
//    buffered write runs on the next tick against a socket that is already gone (`Cannot read
//    properties of null (reading 'write')`, an uncaught exception), and the write timer is left
//    set, so a reconnected connection never flushes again and its queries hang. Upstream:
//    porsager/postgres#1154, #1208 (fixes in PRs #1168, #1176, #1209, not released).
// 2. A query that was in flight when its connection dropped is rejected but stays the
//    connection's current query, with the server's last error beside it. The connection's next
//    start then reads the server's answer as that old query's: refused (a database not accepting
//    connections, FATAL 55000), it waits for a ReadyForQuery that never comes and reconnects in a
//    loop, so the next query hangs until the database lets it in; accepted, the new query is
//    rejected with the old error. Upstream: porsager/postgres#1130 (fix in PR #1142, not
//    released). Here a closed connection forgets both.
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
  // A closed connection forgets the query it was running (rejected just before) and its error.
  [
    "    if (initial)\n      return reconnect()\n\n    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n",
    "    if (initial) {\n      query = errorResponse = null\n      return reconnect()\n    }\n\n    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n    query = errorResponse = null\n",
  ],
];

let patched = 0;
for (const file of files) {
  if (!existsSync(file)) continue;
  const before = readFileSync(file, 'utf8');
  let text = before;
  // Each edit once: a file patched by an earlier version of this script gets the newer edits.
  for (const [from, to] of edits) {
    if (text.includes(to)) continue;
    if (!text.includes(from)) {
      console.warn(`patch-postgres: ${file} is not the expected postgres.js 3.4.9; left as it is`);
      text = before;
      break;
    }
    text = text.replace(from, to);
  }
  if (text !== before) {
    writeFileSync(file, text);
    patched++;
  }
}
if (patched) console.log(`patch-postgres: guarded dropped connections in ${patched} file(s)`);
