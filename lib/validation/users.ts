import { z } from 'zod';

// Schemas for the user-management actions. FormData only carries strings: empty selects arrive
// as '' and booleans as 'true' / 'false'.

export const manageableRoles = ['coordinator', 'journalist', 'organizer'] as const;

const optionalId = z
  .union([z.literal(''), z.uuid()])
  .optional()
  .transform((v) => v || undefined);

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  displayName: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
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
});

export const setCoordinatorTourSchema = z.object({
  userId: z.uuid(),
  tourId: z.uuid(),
  assigned: flag,
});

export const createAccountsForTourSchema = z.object({
  tourId: z.uuid(),
});
