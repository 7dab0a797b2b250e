import { createRequire } from 'node:module';

/** React's own encoder for server action arguments: the body a browser would send. */
export const { encodeReply } = createRequire(import.meta.url)(
  'next/dist/compiled/react-server-dom-turbopack/client.node',
) as { encodeReply: (value: unknown) => Promise<FormData | string> };
