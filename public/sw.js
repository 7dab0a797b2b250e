// The journalist's itinerary without a network (components/itinerary/offline-support.tsx
// registers this worker on that page only). One address is ever kept: the itinerary at "/", and
// only while it is an itinerary (another person's home, or the sign-in page after signing out,
// removes it). Navigations to it go to the network first; without one the last copy is shown,
// with its "offline, last updated" line made visible. Next's static files, named by their
// content, are kept once fetched so that the copy still runs.
const CACHE = 'itinerary';
const PAGE = '/';
const MARK = 'data-offline-note';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg?.type === 'forget') event.waitUntil(caches.delete(CACHE));
  if (msg?.type === 'keep') event.waitUntil(keep(msg));
});

const isPage = (url) => url.origin === self.location.origin && url.pathname === PAGE && !url.search;
const isStatic = (url) =>
  url.origin === self.location.origin && url.pathname.startsWith('/_next/static/');

/** The page and the scripts it loaded before this worker was in charge of it. */
async function keep({ page, urls }) {
  const cache = await caches.open(CACHE);
  const pageUrl = new URL(page, self.location.origin);
  if (isPage(pageUrl) && !(await cache.match(PAGE))) {
    try {
      await store(cache, await fetch(PAGE, { credentials: 'same-origin' }));
    } catch {}
  }
  for (const u of Array.isArray(urls) ? urls : []) {
    const url = new URL(u, self.location.origin);
    if (!isStatic(url) || (await cache.match(url.href))) continue;
    try {
      const res = await fetch(url.href);
      if (res.ok) await cache.put(url.href, res);
    } catch {}
  }
}

/** Keeps a response of the itinerary's address only when it is an itinerary. */
async function store(cache, response) {
  const text = response.ok && !response.redirected ? await response.clone().text() : '';
  if (text.includes(MARK)) await cache.put(PAGE, response);
  else await cache.delete(PAGE);
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (req.mode === 'navigate' && isPage(url)) event.respondWith(page(req));
  else if (isStatic(url)) event.respondWith(asset(req));
});

async function page(req) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(req);
    await store(cache, response.clone());
    return response;
  } catch {
    const kept = await cache.match(PAGE);
    if (!kept) return Response.error();
    // Show the line that says this copy is not live, with when it was made.
    const html = (await kept.text()).replace(
      '</head>',
      `<style>[${MARK}]{display:block!important}</style></head>`,
    );
    return new Response(html, { status: 200, headers: kept.headers });
  }
}

async function asset(req) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(req.url);
  if (kept) return kept;
  const response = await fetch(req);
  if (response.ok) await cache.put(req.url, response.clone());
  return response;
}
