'use client';

import { useEffect, useState } from 'react';

/**
 * What a person quotes when they report an error: the id of the request that served the page
 * (scripts/server.mjs sets it; the root layout puts it in a meta tag) and Next's digest of the
 * error. The server logs both on the same line (instrumentation.ts), so either finds it. Read
 * after hydration: the server's render of the error page cannot know the browser's page.
 */
export function useErrorReference(digest: string | undefined): string | null {
  const [ref, setRef] = useState<string | null>(null);
  useEffect(() => {
    const id = document.querySelector('meta[name="tourdesk-request-id"]')?.getAttribute('content');
    const parts = [id, digest].filter(Boolean);
    setRef(parts.length ? parts.join(' / ') : null);
  }, [digest]);
  return ref;
}
