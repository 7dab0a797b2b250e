// next-intl 4.14 makes the caches behind its translations (parsed ICU messages, Intl formatters,
// resolved locales) once per request, on the server (React's `cache`) and in the client provider
// that renders client components on the server (a fresh cache per mounted provider). So every
// request parses again each message it formats with values and builds again each Intl formatter
// (plural rules, numbers) it needs: about 3% of a page's CPU under load on the server side
// (bench, itinerary day), and as much again on the schedule board's client side. They depend
// only on the message, the locale and the formats, never on the request, so `npm install` makes
// them once per process here (package.json "postinstall"): on the server for next-intl's
// server translations, and per locale for use-intl's provider (in the browser that is one
// page's provider anyway). Idempotent, and it leaves any other version as it is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const patches = [
  {
    what: 'server formatters made once per process',
    file: 'node_modules/next-intl/dist/esm/production/server/react-server/getConfig.js',
    from: 'm=e(o),l=e(r)',
    to: 'm=(()=>{let t;return n=>t??=o(n)})(),l=(()=>{let t;return()=>t??=r()})()/* tourdesk: formatters once per process */',
  },
  {
    what: "the client provider's formatters made once per locale",
    file: 'node_modules/use-intl/dist/esm/production/react.js',
    from: 'p=t((()=>w?.cache||n()),[c,w?.cache]),E=t((()=>w?.formatters||s(p)),[p,w?.formatters])',
    to: 'p=t((()=>w?.cache||(globalThis.__tourdeskIntl??={})[c]?.cache||n()),[c,w?.cache]),E=t((()=>w?.formatters||((globalThis.__tourdeskIntl??={})[c]??={cache:p,formatters:s(p)}).formatters),[p,w?.formatters])/* tourdesk: formatters once per locale */',
  },
];

for (const { what, file, from, to } of patches) {
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  if (text.includes(to)) continue; // already patched
  if (text.includes(from)) {
    writeFileSync(file, text.replace(from, to));
    console.log(`patch-next-intl: ${what}`);
  } else {
    console.warn(`patch-next-intl: ${file} is not the expected version; left as it is`);
  }
}
