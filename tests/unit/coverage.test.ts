import { describe, expect, it } from 'vitest';
import { outletWarnings, themeWarnings } from '../../lib/coverage/warnings';

describe('coverage warnings', () => {
  it('warns for a theme of fewer than two outlets, or of outlets from one region', () => {
    expect(themeWarnings(0, 0)).toEqual(['fewOutlets']);
    expect(themeWarnings(1, 1)).toEqual(['fewOutlets']);
    expect(themeWarnings(2, 1)).toEqual(['oneRegion']);
    expect(themeWarnings(5, 1)).toEqual(['oneRegion']);
    expect(themeWarnings(2, 2)).toEqual([]);
  });
  it('warns for an outlet with no theme or more than the tour allows', () => {
    expect(outletWarnings(0, 3)).toEqual(['noTheme']);
    expect(outletWarnings(3, 3)).toEqual([]);
    expect(outletWarnings(4, 3)).toEqual(['tooManyThemes']);
  });
});
