import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { getScopeOfFeedToken } from '@/lib/dal/feeds';
import { itineraryCalendarFeed } from '@/lib/dal/itinerary-calendar';
import { tokenRoute } from '@/lib/dal/route';
import { feedAddress, itineraryLang } from '@/lib/validation/itinerary';

export const dynamic = 'force-dynamic';

// A journalist's private calendar subscription, `/api/feeds/<token>.ics` (README "My
// itinerary"): calendar apps poll it without a session. A malformed, unknown or replaced token
// answers 404, the same as an address that never existed.
export const GET = tokenRoute(
  { name: 'feed', params: feedAddress, query: z.object({ lang: itineraryLang }) },
  async ({ params, query, notFound }) => {
    const scope = await getScopeOfFeedToken(params.feed);
    if (!scope) return notFound('unknownToken');
    return (
      (await itineraryCalendarFeed(scope, query.lang ?? (await getLocale()))) ?? notFound('noTour')
    );
  },
);
