import { ConfigError } from '@/db/errors';

// Settings read from the environment, in one place. Each function checks its own setting and
// names it when it is wrong, so a bad value stops the app at start with one clear line.

/**
 * The address people reach the app at (PUBLIC_URL; NEXTAUTH_URL is accepted for next-auth's sake).
 * Sign-in redirects are built from it, cookies are marked Secure and HSTS is sent when it is https.
 */
export function publicUrl(env: Record<string, string | undefined> = process.env): URL {
  const raw = env.PUBLIC_URL?.trim() || env.NEXTAUTH_URL?.trim();
  if (!raw) return new URL(`http://localhost:${env.PORT ?? '3000'}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'PUBLIC_URL',
      `"${raw}" is not an address (https://tourdesk.example.org)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', `must start with https:// or http://, not ${url.protocol}`);
  }
  return url;
}

export function isHttps(env: Record<string, string | undefined> = process.env): boolean {
  return publicUrl(env).protocol === 'https:';
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For (TRUST_PROXY_HOPS).
 * 0, the default, means the header is ignored and the connection's own address is the client's.
 */
export function trustProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY_HOPS?.trim() || '0';
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new ConfigError('TRUST_PROXY_HOPS', `"${raw}" is not a number of proxies from 0 to 10`);
  }
  return hops;
}
