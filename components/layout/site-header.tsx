import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getViewer } from '@/lib/dal/viewer';
import { LanguageSwitch } from './language-switch';

export async function SiteHeader() {
  const [t, tNav, tRole, viewer] = await Promise.all([
    getTranslations('app'),
    getTranslations('nav'),
    getTranslations('role'),
    getViewer(),
  ]);
  const links =
    viewer?.role === 'journalist'
      ? [
          { href: '/', label: tNav('myProgramme') },
          ...(viewer.tourId && viewer.delegateId
            ? [
                {
                  href: `/tours/${viewer.tourId}/delegates/${viewer.delegateId}`,
                  label: tNav('myProfile'),
                },
              ]
            : []),
        ]
      : viewer
        ? [
            { href: '/', label: t('tours') },
            ...(viewer.role === 'organizer'
              ? [
                  { href: '/admin/users', label: tNav('users') },
                  { href: '/admin/audit', label: tNav('audit') },
                  { href: '/admin/tours', label: tNav('tourFiles') },
                ]
              : []),
          ]
        : [];
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2">
        <nav aria-label={t('mainNav')} className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <Link href="/" className="text-lg font-bold tracking-tight">
            {t('name')}
          </Link>
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="text-sm underline-offset-4 hover:underline"
            >
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          {viewer ? (
            <>
              <span className="text-sm" data-testid="signed-in-as">
                <span className="sr-only">{tNav('userMenu')}: </span>
                {viewer.email} · {tRole(viewer.role)}
              </span>
              <Link href="/account/password" className="text-sm underline-offset-4 hover:underline">
                {tNav('account')}
              </Link>
              <SignOutButton />
            </>
          ) : null}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
