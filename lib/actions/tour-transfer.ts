'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { authedAction } from '@/lib/dal/action';
import { fail, ok } from '@/lib/dal/action-result';
import { importTour } from '@/lib/dal/tour-transfer';
import { importTourSchema, tourFileMaxChars, tourFileSchema } from '@/lib/validation/tour-file';

/**
 * Imports a tour file (made by GET /api/tours/[tourId]/export on this or another instance) as a
 * new tour with new ids. Refuses, writing nothing: a file that is not JSON or not a tour file,
 * one whose ids clash or point at rows it does not hold, a tour name this instance already has.
 */
export const importTourAction = authedAction(
  {
    name: 'importTour',
    schema: importTourSchema,
    roles: ['organizer'],
    longField: { name: 'file', maxChars: tourFileMaxChars },
  },
  async ({ file }, { viewer, db, ip }) => {
    const t = await getTranslations('ops');
    let json: unknown;
    try {
      json = JSON.parse(file);
    } catch {
      return fail('invalid', t('import.notJson'), { file: [t('import.notJson')] });
    }
    const parsed = tourFileSchema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || '-';
      const message = t('import.notTourFile', { where });
      return fail('invalid', message, { file: [message] });
    }
    const result = await importTour(db, viewer, parsed.data, ip);
    if (!result.ok) {
      const message =
        result.reason === 'nameTaken'
          ? t('import.nameTaken', { name: result.detail })
          : t('import.inconsistent', { detail: result.detail });
      return fail('conflict', message, { file: [message] });
    }
    revalidatePath('/');
    revalidatePath('/admin/tours');
    return ok({ tourId: result.tourId, counts: result.counts });
  },
);
