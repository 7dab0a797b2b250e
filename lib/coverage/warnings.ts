// The coverage matrix's warnings, as pure functions: each theme of a tour should be covered by
// several outlets from different regions, and each outlet should have at least one theme and no
// more than the tour allows.

export type ThemeWarning = 'fewOutlets' | 'oneRegion';
export type OutletWarning = 'noTheme' | 'tooManyThemes';

/** Fewer than two outlets; or two or more, all from one region. */
export function themeWarnings(outlets: number, regions: number): ThemeWarning[] {
  if (outlets < 2) return ['fewOutlets'];
  if (regions < 2) return ['oneRegion'];
  return [];
}

export function outletWarnings(themes: number, maxThemes: number): OutletWarning[] {
  if (themes === 0) return ['noTheme'];
  if (themes > maxThemes) return ['tooManyThemes'];
  return [];
}
