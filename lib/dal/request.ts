import 'server-only';
import { headers } from 'next/headers';

/**
 * The caller's address, as the production server (scripts/server.mjs) worked it out from the
 * connection and the trusted proxies (TRUST_PROXY_HOPS); it overwrites whatever a client sent in
 * that header. Only the development server, which has no such step, falls back to the
 * X-Forwarded-For that Next fills in.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const fromServer = h.get('x-tourdesk-client-ip');
  if (fromServer) return fromServer.slice(0, 64);
  if (process.env.NODE_ENV !== 'production') {
    return (h.get('x-forwarded-for')?.split(',').pop()?.trim() || 'unknown').slice(0, 64);
  }
  return 'unknown';
}

/** The request's id, set by the production server: error pages show it, logs carry it. */
export async function requestId(): Promise<string | null> {
  return (await headers()).get('x-request-id');
}

/** The path being served, set by the proxy: where to come back to after signing in. */
export async function currentPath(): Promise<string> {
  return (await headers()).get('x-tourdesk-path') ?? '/';
}
