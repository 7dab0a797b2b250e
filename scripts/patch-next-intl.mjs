// next-intl 4.14 makes the formatters of its server translations (the cache of parsed ICU
// messages, of Intl formatters and of resolved locales) once per request (React's `cache`), so
// every request parses again each message it formats with values and asks ICU to resolve the
// locale for each: about 3% of a page's CPU under load (bench, itinerary day). They depend only
// on the message, the locale and the formats, never on the request, so `npm install` makes them
// once per process here (package.json "postinstall"); idempotent, and it leaves any other
// version as it is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = 'node_modules/next-intl/dist/esm/production/server/react-server/getConfig.js';
const from = 'm=e(o),l=e(r)';
const to =
  'm=(()=>{let t;return n=>t??=o(n)})(),l=(()=>{let t;return()=>t??=r()})()/* tourdesk: formatters once per process */';

if (existsSync(file)) {
  const text = readFileSync(file, 'utf8');
  if (text.includes(to)) {
    // already patched
  } else if (text.includes(from)) {
    writeFileSync(file, text.replace(from, to));
    console.log('patch-next-intl: server formatters made once per process');
  } else {
    console.warn(`patch-next-intl: ${file} is not the expected next-intl 4.14; left as it is`);
  }
}
