import { z } from 'zod';
import { subscribeToTour } from '@/lib/dal/live';
import { authedRoute } from '@/lib/dal/route';
import { tourScope } from '@/lib/dal/scope';

export const dynamic = 'force-dynamic';

const heartbeatMs = 20_000;

// Server-sent events for the schedule board: one `change` event per visit written on this tour,
// by anyone, on any app instance (Postgres LISTEN/NOTIFY). The board refetches on each; when the
// stream drops, the browser reconnects by itself and the board refetches on focus meanwhile.
export const GET = authedRoute(
  {
    name: 'boardEvents',
    roles: ['organizer', 'coordinator'],
    params: z.object({ tourId: z.uuid() }),
    query: z.object({}),
  },
  async ({ viewer, params, request, notFound }) => {
    const scope = tourScope(viewer, params.tourId);
    if (!scope) return notFound('notOnTour');
    // Set by the production server (scripts/server.mjs) to end long responses on SIGTERM.
    const shutdown = (globalThis as { __tourdeskShutdown?: EventTarget }).__tourdeskShutdown;
    const encoder = new TextEncoder();
    let stop = () => {};
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        const unsubscribe = await subscribeToTour(scope.tourId, ({ visitId }) =>
          send(`event: change\ndata: ${JSON.stringify({ visitId })}\n\n`),
        );
        const heartbeat = setInterval(() => send(': still here\n\n'), heartbeatMs);
        stop = () => {
          clearInterval(heartbeat);
          unsubscribe();
          request.signal.removeEventListener('abort', stop);
          shutdown?.removeEventListener('shutdown', stop);
          try {
            controller.close();
          } catch {}
        };
        request.signal.addEventListener('abort', stop);
        // A redeploy ends the stream; the browser reconnects to the next instance.
        shutdown?.addEventListener('shutdown', stop);
        send('retry: 3000\nevent: ready\ndata: {}\n\n');
      },
      cancel() {
        stop();
      },
    });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      },
    });
  },
);
