import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '../../lib/i18n/locales';

describe('language from the browser', () => {
  it('prefers Chinese when the browser asks for it first', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
  });
  it('honours quality weights', () => {
    expect(localeFromAcceptLanguage('fr;q=1,en;q=0.5,zh-TW;q=0.7')).toBe('zh');
  });
  it('falls back to English', () => {
    expect(localeFromAcceptLanguage('fr-FR')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });
});
