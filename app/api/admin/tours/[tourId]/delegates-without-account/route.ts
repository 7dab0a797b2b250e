import { NextResponse } from 'next/server';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { authedRoute } from '@/lib/dal/route';
import { searchDelegatesWithoutAccount } from '@/lib/dal/users/list';
import { shownInScript } from '@/lib/i18n/script';

export const dynamic = 'force-dynamic';

// The delegate picker of the create-account form asks here as the organizer types: 20 matches
// at most, instead of the page sending every delegate of every tour.
export const GET = authedRoute(
  {
    name: 'delegatesWithoutAccount',
    roles: ['organizer'],
    params: z.object({ tourId: z.uuid() }),
    query: z.object({ q: z.string().max(200).optional() }),
  },
  async ({ viewer, params, query }) => {
    const [found, locale] = await Promise.all([
      searchDelegatesWithoutAccount(await getDb(), viewer, { tourId: params.tourId, q: query.q }),
      getLocale(),
    ]);
    // The picker's labels, in the reader's script: the form sends the delegate's id only.
    const delegates = shownInScript(locale, found);
    return NextResponse.json({ ok: true, delegates }, { headers: { 'Cache-Control': 'no-store' } });
  },
);
