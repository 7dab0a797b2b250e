import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { defaultLocale, htmlLang, type Locale } from './locales';

const byTag = new Map<string, Locale>(
  (Object.entries(htmlLang) as [Locale, string][]).map(([locale, tag]) => [tag, locale]),
);

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
