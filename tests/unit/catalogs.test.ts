import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../lib/i18n/locales';
import { featureCatalogs } from '../../lib/i18n/request';

// Every catalog on disk, found by listing messages/, not from a hand-kept list.
const root = join(__dirname, '../../messages');
const folders = [
  '',
  ...readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name),
];

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe('message catalogs', () => {
  it('loads every feature folder as a namespace', () => {
    expect([...featureCatalogs].sort()).toEqual(folders.filter(Boolean).sort());
  });

  for (const folder of folders) {
    it(`has the same keys in every language: messages/${folder || '.'}`, () => {
      const [first, ...rest] = locales.map((l) =>
        keys(JSON.parse(readFileSync(join(root, folder, `${l}.json`), 'utf8'))).sort(),
      );
      for (const other of rest) expect(other).toEqual(first);
    });
  }
});
