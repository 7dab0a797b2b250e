import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { APIRequestContext } from '@playwright/test';

const { encodeReply } = createRequire(import.meta.url)(
  'next/dist/compiled/react-server-dom-turbopack/client.node',
) as { encodeReply: (value: unknown) => Promise<FormData | string> };

interface Manifest {
  node: Record<
    string,
    { workers: Record<string, unknown>; filename: string; exportedName: string }
  >;
}

/**
 * Calls a server action the way a forged client would: a POST with its id, from outside any
 * page. The id comes from the build's manifest; the body is React's encoding of
 * (previousState, formData), which is how `useActionState` actions are called.
 */
export async function callAction(
  request: APIRequestContext,
  origin: string,
  action: { file: string; name: string },
  fields: Record<string, string>,
): Promise<string> {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.filename === action.file && v.exportedName === action.name,
  );
  if (!entry) throw new Error(`no server action ${action.file}#${action.name} in the build`);
  const [id, { workers }] = entry;
  const page =
    Object.keys(workers)[0]
      ?.replace(/^app/, '')
      .replace(/\/page$/, '') || '/';
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  // React's own encoder, so the body is exactly what a browser would send.
  const multipart = (await encodeReply([null, form])) as FormData;
  const res = await request.post(`${origin}${page}`, {
    headers: { 'Next-Action': id, Accept: 'text/x-component' },
    multipart,
    maxRedirects: 0,
  });
  return `${res.status()} ${await res.text()}`;
}
