import { NextResponse } from 'next/server';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { forReader, getBoard } from '@/lib/dal/board';
import { authedRoute } from '@/lib/dal/route';
import { tourScope } from '@/lib/dal/scope';

export const dynamic = 'force-dynamic';

// The schedule board's data for one day and one page of groups, as JSON: what the board's
// TanStack Query reads and refetches when a change arrives.
export const GET = authedRoute(
  {
    name: 'board',
    roles: ['organizer', 'coordinator'],
    params: z.object({ tourId: z.uuid() }),
    query: z.object({
      day: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional()
        .catch(undefined),
      groups: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
    }),
  },
  async ({ viewer, params, query, notFound }) => {
    const scope = tourScope(viewer, params.tourId);
    if (!scope) return notFound('notOnTour');
    const board = await getBoard(scope, { day: query.day, groupPage: query.groups });
    if (!board) return notFound('noTour');
    return NextResponse.json(forReader(board, await getLocale()), {
      headers: { 'Cache-Control': 'no-store' },
    });
  },
);
