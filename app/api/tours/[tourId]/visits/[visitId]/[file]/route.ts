import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { manifestFile } from '@/lib/dal/export-files';
import { authedRoute } from '@/lib/dal/route';
import { tourScope } from '@/lib/dal/scope';
import { getTour } from '@/lib/dal/tours';
import { exportCommonQuery, visitExportFiles } from '@/lib/validation/exports';

export const dynamic = 'force-dynamic';

// A visit's manifest for the host's check-in (README "Exports"). Passport data only for an
// organizer who asks for it (?passport=1), and that download is an audit entry.
export const GET = authedRoute(
  {
    name: 'visitManifest',
    roles: ['organizer', 'coordinator'],
    params: z.object({ tourId: z.uuid(), visitId: z.uuid(), file: z.enum(visitExportFiles) }),
    query: z.object(exportCommonQuery),
  },
  async ({ viewer, params, query, ip, notFound }) => {
    const scope = tourScope(viewer, params.tourId);
    if (!scope) return notFound('tour');
    const tour = await getTour(scope);
    if (!tour) return notFound('tour');
    const format = params.file.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const file = await manifestFile(
      { scope, tour, locale: query.lang ?? (await getLocale()), origin: { ip, format } },
      {
        visitId: params.visitId,
        sensitive: query.passport || query.nationality || query.dob,
      },
      format,
    );
    return file ?? notFound('visit');
  },
);
