import { describe, expect, it } from 'vitest';
import { inReaderScript, shownInScript } from '../../lib/i18n/script';

describe('one text in the reader script', () => {
  it('shows Simplified as Traditional to a Traditional reader', () => {
    expect(inReaderScript('zh-Hant', '重庆日报')).toBe('重慶日報');
  });
  it('shows Traditional as Simplified to a Simplified reader', () => {
    expect(inReaderScript('zh', '重慶日報')).toBe('重庆日报');
  });
  it('leaves text alone for an English reader, and for either script when it has no Chinese', () => {
    expect(inReaderScript('en', '重庆日报')).toBe('重庆日报');
    expect(inReaderScript('zh-Hant', 'Chongqing Daily 2025')).toBe('Chongqing Daily 2025');
  });
  it('keeps null', () => {
    expect(inReaderScript('zh-Hant', null)).toBeNull();
  });
  it('gives the same answer the second time (from its cache)', () => {
    expect(inReaderScript('zh-Hant', '广州塔')).toBe('廣州塔');
    expect(inReaderScript('zh-Hant', '广州塔')).toBe('廣州塔');
  });
});

describe('data in the reader script', () => {
  const outlet = {
    id: 'a1b2',
    nameZh: '重庆日报',
    nameEn: 'Chongqing Daily',
    email: 'news@报.example',
    countryZh: '马来西亚',
    delegateCount: 3,
    createdAt: new Date('2025-07-01T00:00:00Z'),
    themes: [{ id: 't1', nameZh: '经济发展', nameEn: 'Economy' }],
    themesZh: ['经济发展', '乡村振兴'],
    notesZh: null,
  };

  it('converts every string under a key ending in Zh, nested and in arrays', () => {
    const shown = shownInScript('zh-Hant', outlet);
    expect(shown.nameZh).toBe('重慶日報');
    expect(shown.countryZh).toBe('馬來西亞');
    expect(shown.themes[0]?.nameZh).toBe('經濟發展');
    expect(shown.themesZh).toEqual(['經濟發展', '鄉村振興']);
  });

  it('leaves other keys untouched, keeps null and Dates, and never changes what it was given', () => {
    const before = structuredClone(outlet);
    const shown = shownInScript('zh-Hant', outlet);
    expect(shown.id).toBe('a1b2');
    expect(shown.nameEn).toBe('Chongqing Daily');
    expect(shown.email).toBe('news@报.example');
    expect(shown.delegateCount).toBe(3);
    expect(shown.notesZh).toBeNull();
    expect(shown.createdAt).toBe(outlet.createdAt);
    expect(outlet).toEqual(before);
  });

  it('walks detail of any shape (an audit entry before and after)', () => {
    const entry = { detail: { before: { titleZh: '参观广州塔' }, after: { titleZh: '参观长隆' } } };
    expect(shownInScript('zh-Hant', entry).detail).toEqual({
      before: { titleZh: '參觀廣州塔' },
      after: { titleZh: '參觀長隆' },
    });
  });

  it('shows Traditional data as Simplified to a Simplified reader', () => {
    expect(shownInScript('zh', { nameZh: '重慶日報', themesZh: ['經濟'] })).toEqual({
      nameZh: '重庆日报',
      themesZh: ['经济'],
    });
  });

  it('returns the same object when nothing changes, and always for an English reader', () => {
    expect(shownInScript('en', outlet)).toBe(outlet);
    const traditional = { nameZh: '重慶日報', themes: [{ nameZh: '經濟' }], tags: ['报'] };
    const same = shownInScript('zh-Hant', traditional);
    expect(same).toBe(traditional);
    const shown = shownInScript('zh-Hant', { ...outlet, themes: [...outlet.themes] });
    // Unchanged parts are shared, not copied.
    expect(shownInScript('zh-Hant', shown)).toBe(shown);
  });

  it('converts each row of a list, and keeps a list with nothing to convert', () => {
    const rows = [outlet, { ...outlet, nameZh: '北京青年报' }];
    const shown = shownInScript('zh-Hant', rows);
    expect(shown.map((r) => r.nameZh)).toEqual(['重慶日報', '北京青年報']);
    const plain = [{ id: 'x', nameEn: 'A' }];
    expect(shownInScript('zh-Hant', plain)).toBe(plain);
  });
});
