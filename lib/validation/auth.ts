import { z } from 'zod';
import { email } from './text';

// Oversized input is refused before any hashing: argon2 over a megabyte is a denial of service.
export const credentialsSchema = z.object({
  email,
  password: z.string().min(1).max(1024),
});

export const newPasswordSchema = z.string().min(10).max(1024);
