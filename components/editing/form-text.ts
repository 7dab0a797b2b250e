import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { EntityFormText } from './entity-form';

/** The words every editing form shows, in the viewer's language. */
export async function formText(submit?: string): Promise<EntityFormText> {
  const t = await getTranslations('editing');
  return {
    submit: submit ?? t('form.save'),
    saving: t('form.saving'),
    saved: t('form.saved'),
    optional: t('form.optional'),
  };
}
