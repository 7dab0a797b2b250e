import type { useTranslations } from 'next-intl';

// The audit log in words: each event code has a sentence in the catalog (admin.audit.events), and
// each detail a label and, for codes, a word. An event that has no sentence yet still shows,
// as its code, so nothing recorded is ever hidden.

type T = ReturnType<typeof useTranslations<'admin'>>;

export function auditEventLabel(t: T, action: string): string {
  const key = `audit.events.${action}`;
  return t.has(key as never) ? t(key as never) : action;
}

export function auditDetailWords(t: T, detail: unknown): { label: string; value: string }[] {
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) return [];
  return Object.entries(detail as Record<string, unknown>).map(([key, value]) => {
    const labelKey = `audit.details.${key}`;
    const label = t.has(labelKey as never) ? t(labelKey as never) : key;
    return { label, value: valueWords(t, value) };
  });
}

function valueWords(t: T, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((v) => valueWords(t, v)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueWords(t, v)}`)
      .join('; ');
  }
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  const text = String(value);
  const wordKey = `audit.words.${text}`;
  return /^[a-zA-Z_]{1,40}$/.test(text) && t.has(wordKey as never) ? t(wordKey as never) : text;
}
