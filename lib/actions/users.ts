'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { type ActionResult, fail, ok } from '@/lib/actions/result';
import { canManageUsers, type Viewer } from '@/lib/auth/permissions';
import { authedAction } from '@/lib/dal/action';
import {
  createAccountsForTour,
  createUser,
  resetPassword,
  setCoordinatorTour,
  setUserDisabled,
  type UserAdminResult,
} from '@/lib/dal/users';
import {
  createAccountsForTourSchema,
  createUserSchema,
  resetPasswordSchema,
  setCoordinatorTourSchema,
  setUserDisabledSchema,
} from '@/lib/validation/users';

// Thin actions: the wrapper authenticates, validates and audits refusals; the data-access layer
// checks the viewer again, and makes the change and its audit entry in one transaction.

const authorize = (viewer: Viewer) => canManageUsers(viewer);

async function answer<T>(result: UserAdminResult<T>): Promise<ActionResult<T>> {
  if (result.ok) {
    revalidatePath('/admin/users');
    return ok(result.data);
  }
  const t = await getTranslations('admin');
  const message = t(`errors.${result.reason}`);
  return fail(result.code, message, result.field ? { [result.field]: [message] } : undefined);
}

export const createUserAction = authedAction(
  { name: 'createUser', schema: createUserSchema, authorize },
  async (input, { viewer, db, ip }) => answer(await createUser(db, viewer, { ...input, ip })),
);

export const setUserDisabledAction = authedAction(
  { name: 'setUserDisabled', schema: setUserDisabledSchema, authorize },
  async (input, { viewer, db, ip }) => answer(await setUserDisabled(db, viewer, { ...input, ip })),
);

export const resetPasswordAction = authedAction(
  { name: 'resetPassword', schema: resetPasswordSchema, authorize },
  async (input, { viewer, db, ip }) => answer(await resetPassword(db, viewer, { ...input, ip })),
);

export const setCoordinatorTourAction = authedAction(
  { name: 'setCoordinatorTour', schema: setCoordinatorTourSchema, authorize },
  async (input, { viewer, db, ip }) =>
    answer(await setCoordinatorTour(db, viewer, { ...input, ip })),
);

export const createAccountsForTourAction = authedAction(
  { name: 'createAccountsForTour', schema: createAccountsForTourSchema, authorize },
  async (input, { viewer, db, ip }) =>
    answer(await createAccountsForTour(db, viewer, { ...input, ip })),
);
