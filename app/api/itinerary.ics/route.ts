import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { itineraryCalendarFile } from '@/lib/dal/itinerary-calendar';
import { authedRoute } from '@/lib/dal/route';
import { selfScope } from '@/lib/dal/scope';
import { itineraryLang } from '@/lib/validation/itinerary';

export const dynamic = 'force-dynamic';

// The signed-in journalist's itinerary as a calendar file (README "My itinerary"). Their own
// only: nobody else has one here, staff included.
export const GET = authedRoute(
  {
    name: 'itinerary.ics',
    roles: ['journalist'],
    params: z.object({}).optional(),
    query: z.object({ lang: itineraryLang }),
  },
  async ({ viewer, query, notFound }) => {
    const scope = selfScope(viewer);
    if (!scope) return notFound('notLinked');
    return (
      (await itineraryCalendarFile(scope, query.lang ?? (await getLocale()))) ?? notFound('noTour')
    );
  },
);
