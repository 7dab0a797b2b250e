import { describe, expect, it } from 'vitest';
import type { OutletRow } from '../../lib/dal/outlets';
import { outletCard } from '../../lib/outlets/card';

const row: OutletRow = {
  id: '8f1fb23e-e3b0-4318-a399-f19125909467',
  nameZh: '亚的斯华文周刊',
  nameEn: 'Addis Chinese Weekly',
  mediaType: 'magazine',
  website: 'https://www.addischinese.example.com',
  countryCode: 'ET',
  countryZh: '埃塞俄比亚',
  countryEn: 'Ethiopia',
  regionCode: 'africa',
  regionZh: '非洲',
  regionEn: 'Africa',
  delegateCount: 2,
  themes: [
    { themeId: 'e5f1be63-27d0-4387-9362-37fc8c0488ab', nameZh: '科技创新', nameEn: 'Science' },
  ],
};

describe('an outlet card sends what the card shows', () => {
  it('names in both scripts, the rest in the reader language', () => {
    expect(outletCard(row, 'en')).toEqual({
      id: row.id,
      nameZh: '亚的斯华文周刊',
      nameEn: 'Addis Chinese Weekly',
      mediaType: 'magazine',
      country: 'Ethiopia',
      region: 'Africa',
      delegateCount: 2,
      themes: ['Science'],
    });
    const zh = outletCard(row, 'zh');
    expect([zh.country, zh.region, zh.themes]).toEqual(['埃塞俄比亚', '非洲', ['科技创新']]);
  });

  it('no website, codes or the other language travel to the browser', () => {
    const sent = JSON.stringify(outletCard(row, 'en'));
    for (const unseen of ['example.com', 'ET', 'africa', '埃塞俄比亚', row.themes[0]?.themeId]) {
      expect(sent).not.toContain(unseen);
    }
  });
});
