'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { type ActionContext, authedAction, scopeOrRefuse } from '@/lib/dal/action';
import { type ActionResult, fail, ok } from '@/lib/dal/action-result';
import type { EditResult } from '@/lib/dal/editing/common';
import {
  archiveDelegate,
  deleteDelegate,
  moveDelegatesToGroup,
  saveDelegate,
  saveGroup,
} from '@/lib/dal/editing/delegates';
import {
  archiveOutlet,
  assignThemeToOutlets,
  deleteOutlet,
  saveOutlet,
  saveTheme,
  setOutletTheme,
} from '@/lib/dal/editing/outlets';
import {
  archiveSite,
  deleteSite,
  saveCity,
  saveSite,
  setTravelTime,
} from '@/lib/dal/editing/reference';
import { createTour, setTourArchived, updateTour } from '@/lib/dal/editing/tours';
import type { TourScope } from '@/lib/dal/scope';
import {
  archiveSchema,
  archiveSiteSchema,
  assignThemeSchema,
  createTourSchema,
  moveDelegatesSchema,
  saveCitySchema,
  saveDelegateSchema,
  saveGroupSchema,
  saveOutletSchema,
  saveSiteSchema,
  saveThemeSchema,
  setOutletThemeSchema,
  setTourArchivedSchema,
  setTravelTimeSchema,
  updateTourSchema,
} from '@/lib/validation/editing';

// Thin actions: the wrapper authenticates, refuses other roles before reading anything, validates
// and audits refusals; the scope proves the caller works on the tour; the data-access layer makes
// the change and its audit entry in one transaction, and refuses ids of another tour.

const staff = ['organizer', 'coordinator'] as const;
const organizers = ['organizer'] as const;

async function answer<T>(result: EditResult<T>, path?: string): Promise<ActionResult<T>> {
  if (result.ok) {
    if (path) revalidatePath(path, 'layout');
    return ok(result.data);
  }
  const t = await getTranslations('editing');
  const message = t(`errors.${result.reason}`, result.values ?? {});
  return fail(result.code, message, result.field ? { [result.field]: [message] } : undefined);
}

/** Runs a tour-scoped body, or answers "not found" to a caller who does not work on the tour. */
async function onTour<T>(
  ctx: ActionContext,
  tourId: string,
  name: string,
  body: (scope: TourScope) => Promise<EditResult<T>>,
): Promise<ActionResult<T>> {
  const scoped = await scopeOrRefuse(ctx, tourId, name);
  if (!scoped.ok) return scoped.failure;
  return answer(await body(scoped.scope), `/tours/${scoped.scope.tourId}`);
}

export const createTourAction = authedAction(
  { name: 'createTour', schema: createTourSchema, roles: organizers },
  async (input, { viewer, db, ip }) => answer(await createTour(db, viewer, { ...input, ip }), '/'),
);

export const updateTourAction = authedAction(
  { name: 'updateTour', schema: updateTourSchema, roles: staff },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'updateTour', (scope) =>
      updateTour(ctx.db, scope, { ...input, ip: ctx.ip }),
    ),
);

export const setTourArchivedAction = authedAction(
  { name: 'setTourArchived', schema: setTourArchivedSchema, roles: organizers },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'setTourArchived', (scope) =>
      setTourArchived(ctx.db, scope, { ...input, ip: ctx.ip }),
    ),
);

export const saveOutletAction = authedAction(
  { name: 'saveOutlet', schema: saveOutletSchema, roles: staff },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'saveOutlet', (scope) =>
      saveOutlet(ctx.db, scope, { ...input, ip: ctx.ip }),
    ),
);

export const archiveOutletAction = authedAction(
  { name: 'archiveOutlet', schema: archiveSchema, roles: staff },
  async ({ tourId, id }, ctx) =>
    onTour(ctx, tourId, 'archiveOutlet', (scope) =>
      archiveOutlet(ctx.db, scope, { id, ip: ctx.ip }),
    ),
);

export const deleteOutletAction = authedAction(
  { name: 'deleteOutlet', schema: archiveSchema, roles: staff },
  async ({ tourId, id }, ctx) =>
    onTour(ctx, tourId, 'deleteOutlet', (scope) => deleteOutlet(ctx.db, scope, { id, ip: ctx.ip })),
);

export const deleteDelegateAction = authedAction(
  { name: 'deleteDelegate', schema: archiveSchema, roles: staff },
  async ({ tourId, id }, ctx) =>
    onTour(ctx, tourId, 'deleteDelegate', (scope) =>
      deleteDelegate(ctx.db, scope, { id, ip: ctx.ip }),
    ),
);

export const deleteSiteAction = authedAction(
  { name: 'deleteSite', schema: archiveSiteSchema, roles: staff },
  async (input, { viewer, db, ip }) =>
    answer(await deleteSite(db, viewer, { ...input, ip }), '/places'),
);

export const saveDelegateAction = authedAction(
  { name: 'saveDelegate', schema: saveDelegateSchema, roles: staff },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'saveDelegate', (scope) =>
      saveDelegate(ctx.db, scope, { ...input, ip: ctx.ip }),
    ),
);

export const archiveDelegateAction = authedAction(
  { name: 'archiveDelegate', schema: archiveSchema, roles: staff },
  async ({ tourId, id }, ctx) =>
    onTour(ctx, tourId, 'archiveDelegate', (scope) =>
      archiveDelegate(ctx.db, scope, { id, ip: ctx.ip }),
    ),
);

export const saveGroupAction = authedAction(
  { name: 'saveGroup', schema: saveGroupSchema, roles: staff },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'saveGroup', (scope) => saveGroup(ctx.db, scope, { ...input, ip: ctx.ip })),
);

export const moveDelegatesAction = authedAction(
  { name: 'moveDelegates', schema: moveDelegatesSchema, roles: staff, arrays: ['delegateIds'] },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'moveDelegates', (scope) =>
      moveDelegatesToGroup(ctx.db, scope, { ...input, ip: ctx.ip }),
    ),
);

export const saveThemeAction = authedAction(
  { name: 'saveTheme', schema: saveThemeSchema, roles: staff },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'saveTheme', (scope) => saveTheme(ctx.db, scope, { ...input, ip: ctx.ip })),
);

export const setOutletThemeAction = authedAction(
  { name: 'setOutletTheme', schema: setOutletThemeSchema, roles: staff },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'setOutletTheme', (scope) =>
      setOutletTheme(ctx.db, scope, { ...input, ip: ctx.ip }),
    ),
);

export const assignThemeAction = authedAction(
  { name: 'assignTheme', schema: assignThemeSchema, roles: staff, arrays: ['outletIds'] },
  async ({ tourId, ...input }, ctx) =>
    onTour(ctx, tourId, 'assignTheme', (scope) =>
      assignThemeToOutlets(ctx.db, scope, { ...input, ip: ctx.ip }),
    ),
);

export const saveCityAction = authedAction(
  { name: 'saveCity', schema: saveCitySchema, roles: staff },
  async (input, { viewer, db, ip }) =>
    answer(await saveCity(db, viewer, { ...input, ip }), '/places'),
);

export const saveSiteAction = authedAction(
  { name: 'saveSite', schema: saveSiteSchema, roles: staff, arrays: ['closedWeekdays'] },
  async (input, { viewer, db, ip }) =>
    answer(await saveSite(db, viewer, { ...input, ip }), '/places'),
);

export const archiveSiteAction = authedAction(
  { name: 'archiveSite', schema: archiveSiteSchema, roles: staff },
  async (input, { viewer, db, ip }) =>
    answer(await archiveSite(db, viewer, { ...input, ip }), '/places'),
);

export const setTravelTimeAction = authedAction(
  { name: 'setTravelTime', schema: setTravelTimeSchema, roles: staff },
  async (input, { viewer, db, ip }) =>
    answer(await setTravelTime(db, viewer, { ...input, ip }), '/places'),
);
