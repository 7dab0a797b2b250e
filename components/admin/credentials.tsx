'use client';

import { useLocale, useTranslations } from 'next-intl';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { BilingualName } from '@/components/ui/bilingual-name';
import { toCsv } from '@/lib/csv';
import { pick } from '@/lib/i18n/pick';
import { dateKeyOf } from '@/lib/time';
import { secondaryButtonClass } from './form-parts';

export interface CredentialRow {
  nameZh: string | null;
  nameEn: string | null;
  outletZh?: string | null;
  outletEn?: string | null;
  email: string;
  password: string;
}

export interface SkippedRow {
  delegateId: string;
  nameZh: string | null;
  nameEn: string | null;
  outletZh: string;
  outletEn: string;
  email: string | null;
  reason: 'noEmail' | 'invalidEmail' | 'emailTaken';
}

export interface Credentials {
  title: string;
  rows: CredentialRow[];
  skipped?: SkippedRow[];
}

const ShowContext = createContext<(shown: Credentials) => void>(() => {});

/** Lets any form on the page hand freshly generated passwords to the one results panel. */
export function useShowCredentials() {
  return useContext(ShowContext);
}

/**
 * Holds the passwords of the last action in memory only: they are on screen until the panel is
 * closed or the page is left, and never sent to the server again.
 */
export function CredentialsProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Credentials | null>(null);
  const show = useCallback((next: Credentials) => setShown(next), []);
  return (
    <ShowContext.Provider value={show}>
      <CredentialsPanel shown={shown} onClose={() => setShown(null)} />
      {children}
    </ShowContext.Provider>
  );
}

// Printing shows the panel alone: the rest of the page (the header too) is hidden on paper.
const printCss =
  '@media print{body *{visibility:hidden!important}#credentials-panel,#credentials-panel *{visibility:visible!important}#credentials-panel{position:absolute;left:0;top:0;width:100%}}';

function CredentialsPanel({ shown, onClose }: { shown: Credentials | null; onClose: () => void }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Passwords may come from a button far down the list: bring the reader to them.
    if (shown) heading.current?.focus();
  }, [shown]);

  const csv = shown
    ? toCsv([
        [
          t('results.nameZh'),
          t('results.nameEn'),
          t('results.outlet'),
          t('results.email'),
          t('results.password'),
        ],
        ...shown.rows.map((r) => [
          r.nameZh,
          r.nameEn,
          pick(locale, r.outletZh, r.outletEn),
          r.email,
          r.password,
        ]),
      ])
    : '';
  const fileName = `tourdesk-passwords-${dateKeyOf(new Date(), 'Asia/Shanghai')}.csv`;

  return (
    <div role="status" aria-live="polite" data-testid="credentials">
      {shown ? (
        <section
          id="credentials-panel"
          aria-labelledby="credentials-title"
          className="mb-6 rounded-lg border-2 border-brand-700 bg-white p-4"
        >
          <style>{printCss}</style>
          <h2
            id="credentials-title"
            ref={heading}
            tabIndex={-1}
            className="mb-1 text-lg font-bold text-gray-900"
          >
            {shown.title}
          </h2>
          {shown.rows.length > 0 ? (
            <p className="mb-3 text-sm font-medium text-amber-900">{t('results.once')}</p>
          ) : (
            <p className="mb-3 text-sm text-gray-800">{t('results.noneCreated')}</p>
          )}
          <div className="mb-3 flex flex-wrap gap-2 print:hidden">
            {shown.rows.length > 0 ? (
              <>
                <button
                  type="button"
                  onClick={() => window.print()}
                  className={secondaryButtonClass}
                >
                  {t('results.print')}
                </button>
                <a
                  href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
                  download={fileName}
                  className={`${secondaryButtonClass} inline-flex items-center`}
                >
                  {t('results.download')}
                </a>
              </>
            ) : null}
            <button type="button" onClick={onClose} className={secondaryButtonClass}>
              {t('results.close')}
            </button>
          </div>
          {shown.rows.length > 0 ? (
            <ul className="grid gap-2" aria-label={t('results.listLabel')}>
              {shown.rows.map((r) => (
                <li
                  key={r.email}
                  data-testid="credential"
                  className="grid gap-1 rounded-md border border-gray-300 p-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_auto] sm:items-center sm:gap-3"
                >
                  <div className="min-w-0">
                    <p className="font-semibold">
                      <BilingualName zh={r.nameZh} en={r.nameEn ?? r.email} locale={locale} />
                    </p>
                    {r.outletZh || r.outletEn ? (
                      <p className="text-sm text-gray-700">
                        <BilingualName zh={r.outletZh} en={r.outletEn} locale={locale} />
                      </p>
                    ) : null}
                  </div>
                  <p className="min-w-0 text-sm wrap-anywhere text-gray-800">
                    <span className="sr-only">{t('results.email')}: </span>
                    {r.email}
                  </p>
                  <p className="text-lg">
                    <span className="sr-only">{t('results.password')}: </span>
                    <code
                      data-testid="password"
                      className="rounded bg-gray-100 px-2 py-1 font-mono font-semibold tracking-wide text-gray-900"
                    >
                      {r.password}
                    </code>
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
          {shown.skipped?.length ? (
            <div className="mt-4">
              <h3 className="font-semibold">
                {t('results.skippedTitle', { count: shown.skipped.length })}
              </h3>
              <ul className="mt-1 grid gap-1 text-sm text-gray-800">
                {shown.skipped.map((r) => (
                  <li key={r.delegateId}>
                    <BilingualName zh={r.nameZh} en={r.nameEn} locale={locale} /> (
                    {pick(locale, r.outletZh, r.outletEn)}): {t(`results.skipped.${r.reason}`)}
                    {r.email ? <span className="wrap-anywhere"> · {r.email}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
