// Client components import this module: what reads a request's headers is in accept-language.ts.
export const locales = ['en', 'zh', 'zh-Hant'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const localeCookie = 'NEXT_LOCALE';

/**
 * BCP 47 tags for the `lang` attribute (and the matcher): `zh` is the Simplified catalog, the
 * one the others are written from; `zh-Hant` is Traditional with Taiwan phrasing.
 */
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-Hans', 'zh-Hant': 'zh-Hant' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The tag of Chinese text shown to this reader: names are shown in the reader's own script. */
export function zhLang(locale: string): string {
  return locale === 'zh-Hant' ? htmlLang['zh-Hant'] : htmlLang.zh;
}

/** Either Chinese script: the reader wants Chinese names first and Chinese punctuation. */
export function isChinese(locale: string): boolean {
  return locale === 'zh' || locale === 'zh-Hant';
}
