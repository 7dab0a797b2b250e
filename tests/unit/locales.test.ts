import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '../../lib/i18n/accept-language';

describe('language from the browser', () => {
  it('prefers Chinese when the browser asks for it first', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
  });
  it('honours quality weights', () => {
    expect(localeFromAcceptLanguage('fr;q=1,en;q=0.5,zh-CN;q=0.7')).toBe('zh');
    expect(localeFromAcceptLanguage('zh;q=0.4,en;q=0.6')).toBe('en');
  });
  it('treats q=0 as refused, not as least preferred', () => {
    expect(localeFromAcceptLanguage('zh;q=0, fr')).toBe('en');
  });
  it('reads a regional English as English, not as the next language listed', () => {
    expect(localeFromAcceptLanguage('en-GB,zh;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
  });
  it('tells the two Chinese scripts apart by region and script', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN']) {
      expect(localeFromAcceptLanguage(tag), tag).toBe('zh');
    }
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW']) {
      expect(localeFromAcceptLanguage(tag), tag).toBe('zh-Hant');
    }
    expect(localeFromAcceptLanguage('fr;q=1,en;q=0.5,zh-TW;q=0.7')).toBe('zh-Hant');
  });
  it('falls back to English for anything it cannot use', () => {
    expect(localeFromAcceptLanguage('fr-FR')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage('*')).toBe('en');
    expect(localeFromAcceptLanguage('zh_CN')).toBe('en');
    expect(localeFromAcceptLanguage('x'.repeat(10_000))).toBe('en');
  });
});
