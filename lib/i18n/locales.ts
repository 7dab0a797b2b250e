import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

export const locales = ['en', 'zh', 'zh-Hant'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const localeCookie = 'NEXT_LOCALE';

/**
 * BCP 47 tags for the `lang` attribute (and the matcher): `zh` is the Simplified catalog, the
 * one the others are written from; `zh-Hant` is Traditional with Taiwan phrasing.
 */
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-Hans', 'zh-Hant': 'zh-Hant' };

const byTag = new Map<string, Locale>(
  (Object.entries(htmlLang) as [Locale, string][]).map(([locale, tag]) => [tag, locale]),
);

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

/**
 * The best supported language of an Accept-Language header, by the standard rules: quality
 * weights order it, and q=0 means "not this one" (`zh;q=0, fr` is not Chinese).
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  // The negotiator parses and orders the header and drops what it refuses; the matcher maps a
  // requested tag to the closest language we have by CLDR's likely scripts (zh-CN and zh-SG
  // are Simplified; zh-TW, zh-HK and zh-MO are Traditional; en-GB is English).
  const requested = new Negotiator({ headers: { 'accept-language': header.slice(0, 500) } })
    .languages()
    .filter((tag) => tag !== '*' && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag));
  // In the reader's order: the first tag we can serve wins.
  for (const tag of requested) {
    try {
      // 'und' is the matcher's "none of these": a real tag, unlike a made-up default, which it
      // would throw on for every request that is not an exact match.
      const found = byTag.get(match([tag], [...byTag.keys()], 'und'));
      if (found) return found;
    } catch {
      // a tag the matcher cannot read: try the next one
    }
  }
  return defaultLocale;
}
