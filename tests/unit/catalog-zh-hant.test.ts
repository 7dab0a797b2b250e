import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';

// The Traditional Chinese (Taiwan) catalogs are generated from the Simplified ones by
// scripts/catalog-zh-hant.mjs: these tests fail when a zh-Hant.json was edited by hand or not
// regenerated after a zh.json changed (fix: `node scripts/catalog-zh-hant.mjs`).

type Generator = {
  catalogFolders(): string[];
  generateAll(): {
    folders: { folder: string; path: string; text: string }[];
    errors: string[];
  };
  icuSkeleton(message: string): string;
  OVERRIDES: Record<string, string>;
};
// A plain-JS script (no type declarations): imported by a path the type checker does not follow.
const script = '../../scripts/catalog-zh-hant.mjs';
const generator = (await import(script)) as Generator;

const root = join(__dirname, '../../messages');
const folders = generator.catalogFolders();

function strings(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    strings(v, prefix ? `${prefix}.${k}` : k),
  );
}
const read = (folder: string, locale: string) =>
  strings(JSON.parse(readFileSync(join(root, folder, `${locale}.json`), 'utf8')));
const idOf = (folder: string, key: string) => `${folder || 'main'}:${key}`;

describe('zh-Hant catalogs', () => {
  const { folders: generated, errors } = generator.generateAll();

  it('are found in every catalog folder, and generate without problems', () => {
    expect(folders).toContain('');
    expect(folders.length).toBeGreaterThan(1);
    expect(generated.map((g) => g.folder)).toEqual(folders);
    expect(errors).toEqual([]);
  });

  for (const { folder, path, text } of generated) {
    const name = `messages/${folder ? `${folder}/` : ''}zh-Hant.json`;

    it(`${name} is exactly what the script generates`, () => {
      expect(readFileSync(path, 'utf8')).toBe(text);
    });

    it(`${name} has the Simplified catalog's keys, in its order, and its ICU syntax`, () => {
      const zh = read(folder, 'zh');
      const hant = read(folder, 'zh-Hant');
      expect(hant.map(([k]) => k)).toEqual(zh.map(([k]) => k));
      const source = new Map(zh);
      for (const [key, value] of hant) {
        expect(
          generator.icuSkeleton(value),
          `${idOf(folder, key)}: ${value} vs ${source.get(key)}`,
        ).toBe(generator.icuSkeleton(source.get(key) ?? ''));
      }
    });
  }

  it('leave no Simplified-only characters (outside the reviewed overrides)', () => {
    // Converting Traditional text again from Simplified changes nothing; only overrides may
    // differ (the language name 简体中文 is written in its own script on purpose).
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const left: string[] = [];
    for (const folder of folders) {
      for (const [key, value] of read(folder, 'zh-Hant')) {
        const id = idOf(folder, key);
        if (toTraditional(value) !== value && !Object.hasOwn(generator.OVERRIDES, id)) {
          left.push(`${id}: ${value} → ${toTraditional(value)}`);
        }
      }
    }
    expect(left).toEqual([]);
  });

  it('use Taiwan spreadsheet wording: 列 for a row, 欄 for a column', () => {
    const editing = new Map(read('editing', 'zh-Hant'));
    expect(editing.get('import.row')).toBe('列');
    expect(editing.get('import.column')).toBe('欄');
    expect(editing.get('import.rowLine')).toMatch(/^第 \{row\} 列：/);
    const main = new Map(read('', 'zh-Hant'));
    expect(main.get('language.zh')).toBe('简体中文');
    expect(main.get('language.zh-Hant')).toBe('繁體中文');
  });
});
