import 'server-only';
import { Converter as toTraditionalConverter } from 'opencc-js/cn2t';
import { Converter as toSimplifiedConverter } from 'opencc-js/t2cn';

// Data is shown in the reader's script; what is stored never changes. Characters only (OpenCC's
// `tw` target, not `twp`): names of outlets, sites and people are proper nouns, and a phrase
// rule (信息 -> 資訊) would rename "信息报". The dictionaries are large, so this stays on the
// server: client components get text already converted.
const convert = {
  'zh-Hant': toTraditionalConverter({ from: 'cn', to: 'tw' }),
  zh: toSimplifiedConverter({ from: 'tw', to: 'cn' }),
} as const;

// The same few thousand names come back on every page: each is converted once. Bounded, so a
// stream of one-off notes cannot grow it without end.
const cacheLimit = 50_000;
const caches = { 'zh-Hant': new Map<string, string>(), zh: new Map<string, string>() };

/** Chinese text in the reader's script: Traditional for zh-Hant, Simplified for zh. */
export function inReaderScript(locale: string, text: string): string;
export function inReaderScript(locale: string, text: string | null): string | null;
export function inReaderScript(locale: string, text: string | null): string | null {
  if (text === null || (locale !== 'zh' && locale !== 'zh-Hant')) return text;
  // Latin, digits and punctuation read the same in both scripts.
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return text;
  const cache = caches[locale];
  let shown = cache.get(text);
  if (shown === undefined) {
    shown = convert[locale](text);
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(text, shown);
  }
  return shown;
}

// Chinese fields end in `Zh`; these free-text fields hold whatever script was typed (a host's
// name, "王海涛 (Wang Haitao)"), so they are shown in the reader's script too.
const freeText = new Set([
  'hostContactName',
  'escortName',
  'emergencyContactName',
  'dietaryNeeds',
  'vehicle',
  'notes',
]);
const isZhKey = (key: string) => key.endsWith('Zh') || freeText.has(key);

function walk(locale: string, value: unknown, underZh: boolean): unknown {
  if (typeof value === 'string') return underZh ? inReaderScript(locale, value) : value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = walk(locale, v, underZh);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? out : value;
  }
  if (value instanceof Map) {
    let out: Map<unknown, unknown> | undefined;
    for (const [k, v] of value) {
      const w = walk(locale, v, underZh);
      if (w !== v) {
        out ??= new Map(value);
        out.set(k, w);
      }
    }
    return out ?? value;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const w = walk(locale, v, isZhKey(k));
      if (w !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        out[k] = w;
      }
    }
    return out ?? value;
  }
  return value;
}

/**
 * Data as the reader sees it: every string under a key ending in `Zh` (`nameZh`, `titleZh`,
 * `themesZh`...) or of a free-text field in the reader's script, the rest untouched; arrays and
 * Maps are walked. What has nothing to convert is returned as it is, not copied; English readers
 * see what is stored.
 */
export function shownInScript<T>(locale: string, data: T): T {
  if (locale !== 'zh' && locale !== 'zh-Hant') return data;
  return walk(locale, data, false) as T;
}

/**
 * For a client component that edits what it shows (the board): the stored Chinese it holds,
 * each mapped to how the reader sees it, only where the two differ. Its inputs keep the stored
 * text; what it displays looks the text up here.
 */
export function scriptDictionary(locale: string, data: unknown): Record<string, string> {
  const dictionary: Record<string, string> = {};
  if (locale !== 'zh' && locale !== 'zh-Hant') return dictionary;
  const collect = (value: unknown, underZh: boolean): void => {
    if (typeof value === 'string') {
      if (underZh) {
        const shown = inReaderScript(locale, value);
        if (shown !== value) dictionary[value] = shown;
      }
    } else if (Array.isArray(value)) {
      for (const v of value) collect(v, underZh);
    } else if (value instanceof Map) {
      for (const v of value.values()) collect(v, underZh);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) collect(v, isZhKey(k));
    }
  };
  collect(data, false);
  return dictionary;
}
