// React's server renderer (Flight, as Next 16.4 ships it) ends every render that completes by
// aborting the render's cache signal with a new Error. Nothing reads that error's stack, so V8
// keeps it as structured frames, and the frames keep what they point at: the Immediate that
// flushed the render, and through it (Node 20's AsyncLocalStorage puts the request's stores on
// every Immediate) other requests' renders, responses and payloads. Under steady load each
// finished render holds on to renders that finished after it, and the chain is anchored by
// anything long-lived made during a request (a database connection opened by one): measured
// here, the heap after a full collection grew from 190 MB to 960 MB over a 4-minute bench run,
// and every page slowed down with it. Upstream: react/react#37288, fix in PR #37289 (abort
// without a captured stack; not released), vercel/next.js#84648.
//
// `npm install` applies the fix here (package.json "postinstall"): the error is made with no
// stack frames. Idempotent, and a file without the expected text is left as it is.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = 'node_modules/next/dist/compiled';
const marker = '/* tourdesk: stackless render-completed reason */';
const message =
  'This render completed successfully. All cacheSignals are now aborted to allow clean up of any unused resources.';
// Minified `Error("…")` and the development builds' `new Error(\n  '…'\n)` alike.
const made = new RegExp(
  `(?:new )?Error\\(\\s*(["'])${message.replace(/[.]/g, '\\.')}\\1,?\\s*\\)`,
  'g',
);
const stackless = `(function () { ${marker} var limit = Error.stackTraceLimit; Error.stackTraceLimit = 0; try { return Error(${JSON.stringify(message)}); } finally { Error.stackTraceLimit = limit; } })()`;

function* scripts(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* scripts(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

let patched = 0;
for (const file of scripts(root)) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(message) || text.includes(marker)) continue;
  const fixed = text.replace(made, stackless);
  if (fixed === text) {
    console.warn(`patch-react-flight: ${file} makes the error in an unexpected way; left as it is`);
    continue;
  }
  writeFileSync(file, fixed);
  patched++;
}
if (patched) console.log(`patch-react-flight: ${patched} React server builds patched`);
