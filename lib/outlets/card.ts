import type { OutletRow } from '@/lib/dal/outlets';
import { pick } from '@/lib/i18n/pick';

/**
 * An outlet as its card on the outlets list shows it: its name in both scripts, the rest in the
 * reader's language. The page sends this rather than the row, whose codes, website and other
 * language the card never shows (about half of what each card would otherwise cost to send).
 */
export interface OutletCard {
  id: string;
  nameZh: string;
  nameEn: string;
  mediaType: OutletRow['mediaType'];
  country: string;
  region: string;
  delegateCount: number;
  themes: string[];
}

export function outletCard(row: OutletRow, locale: string): OutletCard {
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    mediaType: row.mediaType,
    country: pick(locale, row.countryZh, row.countryEn),
    region: pick(locale, row.regionZh, row.regionEn),
    delegateCount: row.delegateCount,
    themes: row.themes.map((theme) => pick(locale, theme.nameZh, theme.nameEn)),
  };
}
