import en from '@/messages/exports/en.json';
import zh from '@/messages/exports/zh.json';

// The words of exported files, from the same catalogs as the screens (messages/exports/), so a
// file comes out in the language its downloader reads the app in.

export type ExportLocale = 'en' | 'zh';
export type ExportLabels = typeof en;

export function exportLabels(locale: string): ExportLabels {
  return locale === 'zh' ? zh : en;
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
  return (locale === 'zh' ? zhValue || enValue : enValue || zhValue) ?? '';
}
