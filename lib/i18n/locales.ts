import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const localeCookie = 'NEXT_LOCALE';

/** BCP 47 tags for the `lang` attribute: Simplified Chinese is what the catalogs are written in. */
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-Hans' };

const tags: Record<Locale, string> = { en: 'en', zh: 'zh-Hans' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The best supported language of an Accept-Language header, by the standard rules: quality
 * weights order it, and q=0 means "not this one" (`zh;q=0, fr` is not Chinese).
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  // The negotiator parses and orders the header and drops what it refuses; the matcher maps a
  // requested tag (zh-CN, zh-TW, en-GB) to the closest language we have.
  const requested = new Negotiator({ headers: { 'accept-language': header.slice(0, 500) } })
    .languages()
    .filter((tag) => tag !== '*' && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag));
  // In the reader's order: the first tag we can serve wins. Any Chinese (zh-TW, zh-HK too) is
  // served the Chinese catalog rather than falling through to English.
  for (const tag of requested) {
    try {
      const best = match([tag], Object.values(tags), 'none');
      const found = Object.entries(tags).find(([, t]) => t === best)?.[0];
      if (isLocale(found)) return found;
    } catch {
      // a tag the matcher cannot read: try the next one
    }
    if (tag.toLowerCase().split('-')[0] === 'zh') return 'zh';
  }
  return defaultLocale;
}
