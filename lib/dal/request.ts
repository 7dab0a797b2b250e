import 'server-only';
import { headers } from 'next/headers';

/**
 * The caller's address: the first X-Forwarded-For hop when a load balancer sets it. A client can
 * forge that header when it reaches the app directly, so the per-account limit still applies.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || h.get('x-real-ip') || 'unknown').slice(0, 64);
}

/** The path being served, set by the proxy: where to come back to after signing in. */
export async function currentPath(): Promise<string> {
  return (await headers()).get('x-tourdesk-path') ?? '/';
}
