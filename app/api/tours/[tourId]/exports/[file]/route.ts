import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { dayListFile, delegatesFile, programmeFile } from '@/lib/dal/export-files';
import { authedRoute, jsonError } from '@/lib/dal/route';
import { tourScope } from '@/lib/dal/scope';
import { getTour } from '@/lib/dal/tours';
import { locales } from '@/lib/i18n/locales';
import {
  dayListQuery,
  delegateExportQuery,
  exportFiles,
  withoutEmpty,
} from '@/lib/validation/exports';

export const dynamic = 'force-dynamic';

// Bookmarkable downloads of a tour (README "Exports"): the delegation list with its filters, a
// group's or a vehicle's list for a day, and the whole programme. The tour's staff only; other
// tours, and anything a journalist asks for, answer 404.
export const GET = authedRoute(
  {
    name: 'exports',
    roles: ['organizer', 'coordinator'],
    params: z.object({ tourId: z.uuid(), file: z.enum(exportFiles) }),
    // Each file has its own query, checked below once the file is known.
    query: z.record(z.string(), z.string()),
  },
  async ({ viewer, params, query, ip, notFound }) => {
    const scope = tourScope(viewer, params.tourId);
    if (!scope) return notFound('tour');
    const tour = await getTour(scope);
    if (!tour) return notFound('tour');
    const [kind, format] = params.file.split('.') as [string, 'xlsx' | 'csv' | 'ics'];
    const schema =
      kind === 'delegates'
        ? delegateExportQuery
        : kind === 'day'
          ? dayListQuery
          : z.object({ lang: z.enum(locales).optional() });
    const parsed = schema.safeParse(withoutEmpty(query));
    if (!parsed.success) {
      return jsonError(400, 'invalid_query', {
        fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))],
      });
    }
    const data = parsed.data as { lang?: 'en' | 'zh' };
    const input = {
      scope,
      tour,
      locale: data.lang ?? (await getLocale()),
      origin: { ip, format },
    };
    if (kind === 'delegates' && format !== 'ics') {
      return delegatesFile(input, parsed.data as z.infer<typeof delegateExportQuery>, format);
    }
    if (kind === 'day' && format !== 'ics') {
      const file = await dayListFile(input, parsed.data as z.infer<typeof dayListQuery>, format);
      return file ?? jsonError(404, 'no_such_group');
    }
    return programmeFile(input, format === 'ics' ? 'ics' : 'xlsx');
  },
);
