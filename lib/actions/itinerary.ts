'use server';

import { getTranslations } from 'next-intl/server';
import { authedAction } from '@/lib/dal/action';
import { fail } from '@/lib/dal/action-result';
import { regenerateFeedToken } from '@/lib/dal/feeds';
import { selfScope } from '@/lib/dal/scope';
import { regenerateFeedTokenSchema } from '@/lib/validation/itinerary';

// A journalist makes their calendar feed's private address, or a new one when the old one was
// shared by mistake: the old address stops working at once. The token is answered once, here.
export const regenerateFeedTokenAction = authedAction(
  { name: 'regenerateFeedToken', schema: regenerateFeedTokenSchema, roles: ['journalist'] },
  async (_input, ctx) => {
    const scope = selfScope(ctx.viewer);
    if (!scope) return fail('not_found', (await getTranslations('errors'))('notFound'));
    const token = await regenerateFeedToken(ctx.db, scope, ctx.ip);
    return { ok: true, data: { path: `/api/feeds/${token}.ics` } };
  },
);
