import { describe, expect, it } from 'vitest';
import { scriptDictionary } from '../../lib/i18n/script';

// The board keeps stored text (its form edits it) and shows names through this dictionary.
const board = {
  groups: [{ id: 'g1', code: 'A', nameZh: '东南亚组', nameEn: 'Southeast Asia' }],
  sites: [{ id: 's1', nameZh: '重庆美术馆', nameEn: 'Chongqing Art Museum' }],
  visits: [
    {
      id: 'v1',
      titleZh: '参观',
      titleEn: 'Visit',
      notesZh: null,
      code: '车1',
      hostContactName: '王海涛',
    },
  ],
  shownZh: undefined,
};

describe('the dictionary of a client component’s names', () => {
  it('maps each stored Chinese text that a Traditional reader sees differently', () => {
    expect(scriptDictionary('zh-Hant', board)).toEqual({
      东南亚组: '東南亞組',
      重庆美术馆: '重慶美術館',
      参观: '參觀',
      王海涛: '王海濤',
    });
  });
  it('leaves out text outside the Chinese fields and text that reads the same', () => {
    const words = scriptDictionary('zh-Hant', { a: { nameZh: '成都', code: '车' } });
    expect(words).toEqual({});
  });
  it('maps Traditional to Simplified for a Simplified reader, and nothing for English', () => {
    expect(scriptDictionary('zh', { nameZh: '重慶' })).toEqual({ 重慶: '重庆' });
    expect(scriptDictionary('zh', board)).toEqual({});
    expect(scriptDictionary('en', board)).toEqual({});
  });
});
