import { z } from 'zod';

// Oversized input is refused before any hashing: argon2 over a megabyte is a denial of service.
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export const newPasswordSchema = z.string().min(10).max(1024);
