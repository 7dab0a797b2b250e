import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * Hands client components only the catalog namespaces they use: every message sent to the
 * browser is in each page's HTML, so the whole catalog would cost every page kilobytes. A nested
 * provider replaces its parent's messages, so a subtree lists everything it needs.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: string[];
  children: ReactNode;
}) {
  const all = (await getMessages()) as Record<string, unknown>;
  const messages = Object.fromEntries(namespaces.map((ns) => [ns, all[ns] ?? {}]));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
