import { Converter } from 'opencc-js/t2cn';
import { isChinese } from '@/lib/i18n/locales';

// Names arrive in Simplified, Traditional and Latin script: fold all three to one form so that
// "星島", "星岛" and "sing tao" each find the outlet, however it was typed.
const toSimplified = Converter({ from: 'tw', to: 'cn' });

export function foldForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC').toLocaleLowerCase('en'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // drop diacritics: "Việt" matches "viet"
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text stored beside a row (its `search_text` column) so SQL can match any script. */
export function searchTextOf(...texts: (string | null | undefined)[]): string {
  return foldForSearch(texts.filter(Boolean).join(' '));
}

/** The words of a query, folded as stored text is; at most 8 words of at most 64 characters. */
export function searchWords(query: string | null | undefined): string[] {
  if (!query) return [];
  return foldForSearch(query.slice(0, 200))
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => w.slice(0, 64));
}

/** A LIKE pattern matching the word anywhere, with LIKE's own wildcards taken literally. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True when every word of the query occurs in one of the texts. */
export function matchesQuery(query: string, texts: (string | null | undefined)[]): boolean {
  const words = searchWords(query);
  if (words.length === 0) return true;
  const haystack = searchTextOf(...texts);
  return words.every((w) => haystack.includes(w));
}

const collators = new Map<string, Intl.Collator>();

/** Sorts names the way a reader of the language expects: pinyin order for Chinese. */
export function compareNames(locale: string, a: string, b: string): number {
  const tag = isChinese(locale) ? 'zh-Hans-u-co-pinyin' : 'en';
  let collator = collators.get(tag);
  if (!collator) {
    collator = new Intl.Collator(tag, { sensitivity: 'base', numeric: true });
    collators.set(tag, collator);
  }
  return collator.compare(a, b);
}
