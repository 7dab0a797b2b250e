'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { localeCookie, locales } from '@/lib/i18n/locales';

const setLocaleSchema = z.object({ locale: z.enum(locales) });

// Open to anonymous visitors on purpose: it only sets the caller's own language cookie.
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
  });
}
