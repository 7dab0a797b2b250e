import { z } from 'zod';
import { email, flag, optionalId, optionalText } from './text';

// Schemas for the user-management actions. FormData carries strings: an empty select arrives as
// '' and a checkbox as 'on' or nothing.

export const manageableRoles = ['coordinator', 'journalist', 'organizer'] as const;

export const createUserSchema = z.object({
  email,
  displayName: optionalText(100),
  role: z.enum(manageableRoles),
  // Only for journalists; the data-access layer says which is missing.
  tourId: optionalId,
  delegateId: optionalId,
});

export const setUserDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: flag,
});

export const resetPasswordSchema = z.object({
  userId: z.uuid(),
  /** Set by the confirmation step; a reset without it is refused. */
  confirmed: flag.optional().transform((v) => v === true),
});

export const setCoordinatorTourSchema = z.object({
  userId: z.uuid(),
  tourId: z.uuid(),
  assigned: flag,
});

export const createAccountsForTourSchema = z.object({
  tourId: z.uuid(),
});
