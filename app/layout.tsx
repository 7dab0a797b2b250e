import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { SiteHeader } from '@/components/layout/site-header';
import { htmlLang, isLocale } from '@/lib/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    description: t('tagline'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, h] = await Promise.all([getLocale(), getTranslations('app'), headers()]);
  return (
    <html lang={isLocale(locale) ? htmlLang[locale] : 'en'}>
      <head>
        {/* The id of the request that served this page: the error page shows it (logs carry it). */}
        <meta name="tourdesk-request-id" content={h.get('x-request-id') ?? ''} />
      </head>
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
        >
          {t('skipToContent')}
        </a>
        {/* What the header, the tour tabs and the error page say; pages add their own. */}
        <ClientMessages namespaces={['app', 'auth', 'tour']}>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6">
            {children}
          </main>
        </ClientMessages>
      </body>
    </html>
  );
}
