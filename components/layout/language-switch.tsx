import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/lib/actions/set-locale';
import { cn } from '@/lib/cn';
import { htmlLang, locales } from '@/lib/i18n/locales';

/** A plain form, so switching works before (and without) JavaScript. */
export async function LanguageSwitch() {
  const [t, current] = await Promise.all([getTranslations('language'), getLocale()]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-1">
      <fieldset className="flex overflow-hidden rounded-md border border-white/40">
        <legend className="sr-only">{t('label')}</legend>
        {locales.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={htmlLang[locale]}
            aria-pressed={locale === current}
            className={cn(
              'min-h-9 min-w-11 px-2 text-sm',
              locale === current
                ? 'bg-white text-brand-800 font-semibold'
                : 'text-white hover:bg-white/15',
            )}
          >
            {t(locale)}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
