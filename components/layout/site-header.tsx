import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from './language-switch';

export async function SiteHeader() {
  const t = await getTranslations('app');
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <nav aria-label={t('mainNav')} className="flex items-center gap-4">
          <Link href="/" className="text-lg font-bold tracking-tight">
            {t('name')}
          </Link>
          <Link href="/" className="text-sm underline-offset-4 hover:underline">
            {t('tours')}
          </Link>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}
