'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { authedAction } from '@/lib/dal/action';
import { type ActionResult, fail, ok } from '@/lib/dal/action-result';
import {
  createUser,
  resetPassword,
  setCoordinatorTour,
  setUserDisabled,
} from '@/lib/dal/users/admin';
import { createAccountsForTour } from '@/lib/dal/users/bulk';
import type { UserAdminResult } from '@/lib/dal/users/common';
import {
  createAccountsForTourSchema,
  createUserSchema,
  resetPasswordSchema,
  setCoordinatorTourSchema,
  setUserDisabledSchema,
} from '@/lib/validation/users';

// Thin actions: the wrapper authenticates, refuses other roles before reading anything,
// validates and audits refusals; the data-access layer checks the viewer again, and makes the
// change and its audit entry in one transaction.

const roles = ['organizer'] as const;

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
  { name: 'createUser', schema: createUserSchema, roles },
  async (input, { viewer, db, ip }) => answer(await createUser(db, viewer, { ...input, ip })),
);

export const setUserDisabledAction = authedAction(
  { name: 'setUserDisabled', schema: setUserDisabledSchema, roles },
  async (input, { viewer, db, ip }) => answer(await setUserDisabled(db, viewer, { ...input, ip })),
);

export const resetPasswordAction = authedAction(
  { name: 'resetPassword', schema: resetPasswordSchema, roles },
  async (input, { viewer, db, ip }) => answer(await resetPassword(db, viewer, { ...input, ip })),
);

export const setCoordinatorTourAction = authedAction(
  { name: 'setCoordinatorTour', schema: setCoordinatorTourSchema, roles },
  async (input, { viewer, db, ip }) =>
    answer(await setCoordinatorTour(db, viewer, { ...input, ip })),
);

export const createAccountsForTourAction = authedAction(
  { name: 'createAccountsForTour', schema: createAccountsForTourSchema, roles },
  async (input, { viewer, db, ip }) =>
    answer(await createAccountsForTour(db, viewer, { ...input, ip })),
);
