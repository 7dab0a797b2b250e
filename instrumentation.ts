import type { Instrumentation } from 'next';

export async function register() {
  // The database and its migrations are Node-only; the edge runtime has nothing to prepare.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startup } = await import('./db/startup');
    await startup();
  }
}

/**
 * One structured line per error that reaches Next (a page or route that threw): with the
 * request id the error page shows and the digest Next gives the browser, so a person's report
 * finds its line. The path without its query; the error without any query data.
 */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { errorFields, log } = await import('./lib/log');
  const id = request.headers['x-request-id'];
  log().error(
    {
      requestId: Array.isArray(id) ? id[0] : (id ?? null),
      digest: (err as { digest?: string }).digest ?? null,
      method: request.method,
      path: request.path.split('?')[0],
      route: context.routePath,
      kind: context.routeType,
      ...errorFields(err),
    },
    'request error',
  );
};
