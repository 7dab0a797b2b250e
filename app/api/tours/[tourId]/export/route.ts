import { z } from 'zod';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/dal/audit';
import { authedRoute } from '@/lib/dal/route';
import { tourScope } from '@/lib/dal/scope';
import { exportTour } from '@/lib/dal/tour-transfer';

export const dynamic = 'force-dynamic';

// One tour as a single JSON file, for organizers: every row of it, passports still encrypted
// (readable on another instance only with this instance's passport key, README "Operations").
export const GET = authedRoute(
  {
    name: 'exportTour',
    roles: ['organizer'],
    params: z.object({ tourId: z.uuid() }),
    query: z.object({}),
  },
  async ({ viewer, params, ip, notFound }) => {
    const scope = tourScope(viewer, params.tourId);
    if (!scope) return notFound('notOnTour');
    const db = await getDb();
    const file = await exportTour(db, scope);
    if (!file) return notFound('noTour');
    await recordAudit(db, {
      action: 'tour.exported',
      userId: viewer.userId,
      actorEmail: viewer.email,
      tourId: scope.tourId,
      target: file.tour.nameEn.slice(0, 200),
      detail: { delegates: file.delegates.length, visits: file.visits.length },
      ip,
    });
    const name = `tour-${file.tour.nameEn.replace(/[^\w-]+/g, '-').slice(0, 60)}.json`;
    return new Response(JSON.stringify(file), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Cache-Control': 'no-store',
      },
    });
  },
);
