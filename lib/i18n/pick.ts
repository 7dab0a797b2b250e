import { isChinese } from './locales';

/** The reader's-language half of a zh/en pair, for labels where one script is enough. */
export function pick(locale: string, zh: string | null | undefined, en: string | null | undefined) {
  return (isChinese(locale) ? (zh ?? en) : (en ?? zh)) ?? '';
}
