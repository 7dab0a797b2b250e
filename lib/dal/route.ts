import 'server-only';
import { type NextRequest, NextResponse } from 'next/server';
import type { z } from 'zod';
import type { Role, Viewer } from '@/lib/auth/permissions';
import { recordRefusal } from './audit';
import { logError } from './log';
import { clientIp, requestId } from './request';
import { getViewer } from './viewer';

// The guard of every route handler (downloads, feeds, JSON). Refusals are plain HTTP answers, never
// a redirect to /login: 401 without a session, 404 for anything the caller may not see (so it
// learns nothing of what exists), 400 for a malformed address. Parameters and query are checked
// with zod before the handler runs.

export interface RouteContext<P, Q> {
  viewer: Viewer;
  params: P;
  query: Q;
  request: NextRequest;
  ip: string;
  /** A logged 404: for a tour, visit or delegate this viewer may not see. */
  notFound: (reason: string) => Promise<Response>;
}

interface Options<P extends z.ZodType, Q extends z.ZodType> {
  name: string;
  roles: readonly Role[];
  params: P;
  query: Q;
}

export function jsonError(status: 400 | 401 | 404 | 413 | 500, error: string, extra?: object) {
  return NextResponse.json(
    { ok: false, error, ...extra },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

export function notFoundResponse() {
  return jsonError(404, 'not_found');
}

export function authedRoute<P extends z.ZodType, Q extends z.ZodType>(
  options: Options<P, Q>,
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<unknown> }) => {
    const ip = await clientIp();
    const viewer = await getViewer();
    const refuse = async (reason: string, response: Response) => {
      await recordRefusal({
        action: 'access.refused',
        userId: viewer?.userId ?? null,
        actorEmail: viewer?.email ?? null,
        target: options.name,
        ip,
        detail: { reason, ...(viewer ? { role: viewer.role } : {}) },
      });
      return response;
    };
    if (!viewer) return refuse('unauthenticated', jsonError(401, 'unauthenticated'));
    if (!options.roles.includes(viewer.role)) return refuse('forbidden', notFoundResponse());
    const params = options.params.safeParse(await context.params);
    if (!params.success) return refuse('badAddress', notFoundResponse());
    if (request.nextUrl.search.length > 4096) return jsonError(400, 'query_too_long');
    const query = options.query.safeParse(
      Object.fromEntries(request.nextUrl.searchParams.entries()),
    );
    if (!query.success) return jsonError(400, 'invalid_query');
    try {
      return await handler({
        viewer,
        params: params.data,
        query: query.data,
        request,
        ip,
        notFound: (reason) => refuse(reason, notFoundResponse()),
      });
    } catch (err) {
      const ref = await requestId();
      logError(err, { action: options.name, requestId: ref });
      return jsonError(500, 'error', { ref });
    }
  };
}

export interface TokenRouteContext<P, Q> {
  params: P;
  query: Q;
  request: NextRequest;
  ip: string;
  notFound: (reason: string) => Promise<Response>;
}

/**
 * The guard of a route handler opened by a secret in its address instead of a session (a
 * calendar feed that a calendar app polls): the same checks and refusals as authedRoute, and a
 * malformed or unknown secret is a logged 404 like any address the caller may not see. The
 * handler itself finds whose secret it is, through the data-access layer.
 */
export function tokenRoute<P extends z.ZodType, Q extends z.ZodType>(
  options: { name: string; params: P; query: Q },
  handler: (ctx: TokenRouteContext<z.infer<P>, z.infer<Q>>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<unknown> }) => {
    const ip = await clientIp();
    const refuse = async (reason: string) => {
      await recordRefusal({
        action: 'access.refused',
        target: options.name,
        ip,
        detail: { reason },
      });
      return notFoundResponse();
    };
    const params = options.params.safeParse(await context.params);
    if (!params.success) return refuse('badAddress');
    if (request.nextUrl.search.length > 4096) return jsonError(400, 'query_too_long');
    const query = options.query.safeParse(
      Object.fromEntries(request.nextUrl.searchParams.entries()),
    );
    if (!query.success) return jsonError(400, 'invalid_query');
    try {
      return await handler({
        params: params.data,
        query: query.data,
        request,
        ip,
        notFound: refuse,
      });
    } catch (err) {
      const ref = await requestId();
      logError(err, { action: options.name, requestId: ref });
      return jsonError(500, 'error', { ref });
    }
  };
}
