'use client';

import { useEffect } from 'react';

/**
 * Lets the journalist's itinerary open without a network (public/sw.js): registers the worker,
 * hands it this page and the scripts it loaded (they came before the worker was in charge), and
 * empties its cache on signing out, so the next person on this phone finds nothing.
 */
export function OfflineSupport() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const forget = (e: SubmitEvent) => {
      if ((e.target as HTMLElement | null)?.closest('[data-sign-out]')) {
        void caches.delete('itinerary');
        navigator.serviceWorker.controller?.postMessage({ type: 'forget' });
      }
    };
    document.addEventListener('submit', forget, true);
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => new URL(u).pathname.startsWith('/_next/static/'));
        reg.active?.postMessage({ type: 'keep', page: location.pathname + location.search, urls });
      })
      .catch(() => {});
    return () => document.removeEventListener('submit', forget, true);
  }, []);
  return null;
}
