import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { getViewer } from '@/lib/dal/viewer';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  if (await getViewer()) redirect('/');
  const t = await getTranslations('auth');
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : null;
  const notice =
    params.changed === '1' ? t('passwordChanged') : callbackUrl ? t('sessionEnded') : undefined;
  return (
    <div className="mx-auto max-w-sm py-6">
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <LoginForm callbackUrl={callbackUrl} notice={notice} />
    </div>
  );
}
