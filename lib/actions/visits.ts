'use server';

import { getLocale, getTranslations } from 'next-intl/server';
import { type ActionContext, authedAction, scopeOrRefuse } from '@/lib/dal/action';
import { type ActionResult, fail, ok } from '@/lib/dal/action-result';
import type { TourScope } from '@/lib/dal/scope';
import { queryTour } from '@/lib/dal/tours';
import { changeVisit, createVisit, duplicateVisit, type SaveOutcome } from '@/lib/dal/visits';
import { pick } from '@/lib/i18n/pick';
import { inReaderScript } from '@/lib/i18n/script';
import type { Problem } from '@/lib/schedule/problems';
import { formatDateTime, formatTime } from '@/lib/time';
import {
  createVisitSchema,
  duplicateVisitSchema,
  setVisitCancelledSchema,
  updateVisitSchema,
} from '@/lib/validation/visits';

// The schedule board's actions: thin. The wrapper authenticates, refuses other roles, bounds and
// validates; the tour scope decides the tour; the data-access layer writes one visit in one
// transaction and answers with the problems around it, or with why the database refused.

const roles = ['organizer', 'coordinator'] as const;

export type SavedVisit = { id: string; version: number; problems: Problem[] };

async function answer(
  ctx: ActionContext,
  scope: TourScope,
  outcome: SaveOutcome,
): Promise<ActionResult<SavedVisit>> {
  if (outcome.ok) return ok({ ...outcome.visit, problems: outcome.problems });
  const t = await getTranslations('board.refusals');
  const tf = await getTranslations('fields');
  const [locale, tour] = await Promise.all([getLocale(), queryTour(ctx.db, scope)]);
  const zone = tour?.timeZone ?? 'Asia/Shanghai';
  switch (outcome.reason) {
    case 'notFound':
      return fail('not_found', t('notFound'));
    case 'invalidRef': {
      const message = t('invalidRef', { field: tf(outcome.field) });
      return fail('invalid', message, { [outcome.field]: [message] });
    }
    case 'outsideTour': {
      const message = t('outsideTour');
      return fail('invalid', message, { startsAt: [message] });
    }
    case 'endsBeforeStart': {
      const message = (await getTranslations('validation'))('endsBeforeStart', {
        field: tf('endsAt'),
      });
      return fail('invalid', message, { endsAt: [message] });
    }
    case 'stale': {
      const c = outcome.current;
      return fail(
        'stale',
        t('stale', {
          who: c.updatedBy ?? t('someone'),
          when: formatDateTime(new Date(c.updatedAt), zone, locale),
        }),
        undefined,
        c,
      );
    }
    case 'overlap': {
      const o = outcome.other;
      const message = o
        ? t('overlap', {
            group: o.groupCode,
            title: pick(locale, inReaderScript(locale, o.titleZh), o.titleEn),
            start: formatTime(o.startsAt, zone),
            end: formatTime(o.endsAt, zone),
          })
        : t('overlapUnknown');
      return fail(
        'conflict',
        message,
        { startsAt: [message] },
        o ? { otherVisitId: o.id } : undefined,
      );
    }
  }
}

export const createVisitAction = authedAction(
  { name: 'createVisit', schema: createVisitSchema, roles, arrays: ['groupIds'] },
  async ({ tourId, ...fields }, ctx) => {
    const scoped = await scopeOrRefuse(ctx, tourId, 'createVisit');
    if (!scoped.ok) return scoped.failure;
    return answer(
      ctx,
      scoped.scope,
      await createVisit(ctx.db, scoped.scope, ctx.viewer, fields, ctx.ip),
    );
  },
);

export const updateVisitAction = authedAction(
  { name: 'updateVisit', schema: updateVisitSchema, roles },
  async ({ tourId, visitId, version, ...patch }, ctx) => {
    const scoped = await scopeOrRefuse(ctx, tourId, 'updateVisit');
    if (!scoped.ok) return scoped.failure;
    return answer(
      ctx,
      scoped.scope,
      await changeVisit(ctx.db, scoped.scope, ctx.viewer, visitId, version, patch, ctx.ip),
    );
  },
);

export const setVisitCancelledAction = authedAction(
  { name: 'setVisitCancelled', schema: setVisitCancelledSchema, roles },
  async ({ tourId, visitId, version, cancelled }, ctx) => {
    const scoped = await scopeOrRefuse(ctx, tourId, 'setVisitCancelled');
    if (!scoped.ok) return scoped.failure;
    return answer(
      ctx,
      scoped.scope,
      await changeVisit(ctx.db, scoped.scope, ctx.viewer, visitId, version, { cancelled }, ctx.ip),
    );
  },
);

export const duplicateVisitAction = authedAction(
  { name: 'duplicateVisit', schema: duplicateVisitSchema, roles },
  async ({ tourId, visitId, startsAt }, ctx) => {
    const scoped = await scopeOrRefuse(ctx, tourId, 'duplicateVisit');
    if (!scoped.ok) return scoped.failure;
    return answer(
      ctx,
      scoped.scope,
      await duplicateVisit(ctx.db, scoped.scope, ctx.viewer, visitId, startsAt, ctx.ip),
    );
  },
);
