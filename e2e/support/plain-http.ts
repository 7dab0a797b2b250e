import { request as httpRequest } from 'node:http';

// One connection per request (no keep-alive): a server that stops taking requests refuses new
// connections (ECONNREFUSED, the request never reached it), so any other failure is a request
// it took and did not answer.

export interface PlainResponse {
  status: number;
  body: string;
  setCookies: string[];
}

export function plainRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: init.method ?? 'GET',
        headers: {
          ...init.headers,
          ...(init.body === undefined
            ? {}
            : { 'content-length': String(Buffer.byteLength(init.body)) }),
        },
        agent: false,
        timeout: 30_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => {
          if (!res.complete) return reject(Object.assign(new Error('cut short'), { code: 'CUT' }));
          const raw = res.headers['set-cookie'] ?? [];
          resolve({ status: res.statusCode ?? 0, body, setCookies: raw });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A signed-in caller over plain connections, with its own cookie jar. */
export function plainClient(origin: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => {
    const res = await plainRequest(`${origin}${path}`, {
      ...init,
      headers: { ...init.headers, cookie: cookie() },
    });
    for (const c of res.setCookies) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  const signIn = async (email: string, password: string) => {
    const { csrfToken } = JSON.parse((await call('/api/auth/csrf')).body);
    await call('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
    });
    const session = JSON.parse((await call('/api/auth/session')).body);
    if (session?.user?.email !== email) throw new Error(`sign-in of ${email} failed`);
  };
  return { call, signIn, cookies: () => new Map(jar) };
}
