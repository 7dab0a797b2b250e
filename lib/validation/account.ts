import { z } from 'zod';
import { newPasswordSchema } from './auth';

export const changePasswordSchema = z.object({
  current: z.string().min(1).max(1024),
  next: newPasswordSchema,
  confirm: z.string().max(1024),
});
