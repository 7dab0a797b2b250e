import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { requireViewer } from '@/lib/dal/viewer';

export default async function ChangePasswordPage() {
  await requireViewer();
  const t = await getTranslations('account');
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <ClientMessages namespaces={['account']}>
        <ChangePasswordForm />
      </ClientMessages>
    </div>
  );
}
