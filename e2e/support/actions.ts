import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { encodeReply } from './encode';

interface Manifest {
  node: Record<
    string,
    { workers: Record<string, unknown>; filename: string; exportedName: string }
  >;
}

export interface BuiltAction {
  id: string;
  file: string;
  name: string;
  /** A page that imports it: where a browser would post it. */
  page: string;
}

/**
 * Where a browser would post the action: a page that imports it, one without parameters when
 * there is such a page (a made-up tour id would answer 404 around a perfectly good action).
 */
function postingPage(workers: string[]): string {
  const pages = workers
    .filter((w) => w.endsWith('/page'))
    .map((w) => w.replace(/^app/, '').replace(/\/page$/, '') || '/');
  const plain = pages
    .filter((p) => !p.includes('[') && p !== '/_not-found')
    .sort((a, b) => a.length - b.length);
  return plain[0] ?? pages[0]?.replace(/\/\[[^\]]+\]/g, '/x') ?? '/';
}

/** Every server action in the build, from the build's own manifest: the source of truth. */
export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as Manifest;
  return Object.entries(manifest.node).map(([id, v]) => ({
    id,
    file: v.filename,
    name: v.exportedName,
    page: postingPage(Object.keys(v.workers)),
  }));
}

export function findAction(file: string, name: string): BuiltAction {
  const found = builtActions().find((a) => a.file === file && a.name === name);
  if (!found) throw new Error(`no server action ${file}#${name} in the build`);
  return found;
}

export interface ActionResponse {
  status: number;
  text: string;
  /** Where the action sent the browser (Next's x-action-redirect), when it redirected. */
  redirect: string | null;
  /** The action's own answer (the second line of the RSC payload), when there is one. */
  result: {
    ok: boolean;
    code?: string;
    message?: string;
    fieldErrors?: Record<string, string[]>;
  } | null;
}

/**
 * Calls a server action the way a forged client would: a POST with its id, from outside any
 * page. The body is React's own encoding of (previousState, input), which is how
 * `useActionState` actions are called; `input` is FormData fields or a plain object.
 */
export async function callAction(
  request: APIRequestContext,
  origin: string,
  action: BuiltAction,
  input: Record<string, string> | { object: Record<string, unknown> },
  { raw }: { raw?: { body: string | Buffer; contentType: string } } = {},
): Promise<ActionResponse> {
  const headers: Record<string, string> = {
    'Next-Action': action.id,
    Accept: 'text/x-component',
    Origin: origin,
  };
  let res: Awaited<ReturnType<APIRequestContext['post']>>;
  if (raw) {
    res = await request.post(`${origin}${action.page}`, {
      headers: { ...headers, 'Content-Type': raw.contentType },
      data: raw.body,
      maxRedirects: 0,
    });
  } else {
    let arg: unknown;
    if ('object' in input) arg = input.object;
    else {
      const form = new FormData();
      for (const [key, value] of Object.entries(input)) form.append(key, value);
      arg = form;
    }
    const encoded = await encodeReply([null, arg]);
    res =
      typeof encoded === 'string'
        ? await request.post(`${origin}${action.page}`, {
            headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
            data: encoded,
            maxRedirects: 0,
          })
        : await request.post(`${origin}${action.page}`, {
            headers,
            multipart: encoded,
            maxRedirects: 0,
          });
  }
  const text = await res.text();
  const line = text.split('\n').find((l) => l.startsWith('1:'));
  let result: ActionResponse['result'] = null;
  try {
    result = line ? JSON.parse(line.slice(2)) : null;
  } catch {}
  return {
    status: res.status(),
    text,
    result,
    redirect: res.headers()['x-action-redirect'] ?? null,
  };
}
