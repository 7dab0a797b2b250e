import { describe, expect, it } from 'vitest';
import { compareNames, foldForSearch, matchesQuery } from '../../lib/search';

describe('search across scripts', () => {
  it('finds a Traditional name from a Simplified query and back', () => {
    expect(matchesQuery('星岛', ['星島日報', 'Sing Tao Daily'])).toBe(true);
    expect(matchesQuery('日報', ['联合日报'])).toBe(true);
  });

  it('ignores case, accents and extra spaces', () => {
    expect(matchesQuery('  viet  NAM ', ['Việt Nam Times'])).toBe(true);
    expect(foldForSearch('ＡＢＣ')).toBe('abc');
  });

  it('requires every word', () => {
    expect(matchesQuery('sing daily', ['Sing Tao Daily'])).toBe(true);
    expect(matchesQuery('sing weekly', ['Sing Tao Daily'])).toBe(false);
  });

  it('sorts Chinese names by pinyin', () => {
    const names = ['商报', '安徽', '中国'];
    expect([...names].sort((a, b) => compareNames('zh', a, b))).toEqual(['安徽', '商报', '中国']);
  });
});
