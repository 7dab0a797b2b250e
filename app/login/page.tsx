import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackPath } from '@/lib/auth/redirect';
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
  const raw = typeof params.callbackUrl === 'string' ? params.callbackUrl : null;
  // Checked here, on the server: the form only ever receives a path on this site.
  const callbackPath = safeCallbackPath(raw);
  if (await getViewer()) redirect(callbackPath);
  const t = await getTranslations('auth');
  const notice =
    params.changed === '1' ? t('passwordChanged') : raw ? t('sessionEnded') : undefined;
  return (
    <div className="mx-auto max-w-sm py-6">
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <LoginForm callbackPath={callbackPath} notice={notice} />
    </div>
  );
}
