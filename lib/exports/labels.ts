import { isChinese, isLocale, type Locale } from '@/lib/i18n/locales';
import en from '@/messages/exports/en.json';
import zh from '@/messages/exports/zh.json';
import zhHant from '@/messages/exports/zh-Hant.json';

// The words of exported files, from the same catalogs as the screens (messages/exports/), so a
// file comes out in the language its downloader reads the app in.

export type ExportLabels = typeof en;

const catalogs: Record<Locale, ExportLabels> = { en, zh, 'zh-Hant': zhHant };

export function exportLabels(locale: string): ExportLabels {
  return isLocale(locale) ? catalogs[locale] : en;
}

/** `{name}` placeholders filled in (the catalogs' plain strings, not ICU plurals). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** A name in the chosen language, falling back to the other script. */
export function pick(
  locale: string,
  zhValue: string | null | undefined,
  enValue: string | null | undefined,
) {
  return (isChinese(locale) ? zhValue || enValue : enValue || zhValue) ?? '';
}
