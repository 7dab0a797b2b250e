import { isChinese } from '@/lib/i18n/locales';
import type { CellValue } from './cells';
import { type ExportLabels, fill, pick } from './labels';
import { column, type ExportTable } from './table';

// The delegation list: one row per delegate. Passport number, nationality and date of birth are
// columns only when asked for and allowed (the data-access layer decides; this only lays out).

export interface DelegateRecord {
  outletZh: string;
  outletEn: string;
  regionZh: string;
  regionEn: string;
  countryZh: string;
  countryEn: string;
  nameZh: string | null;
  nameEn: string | null;
  passportName: string;
  role: string;
  groupCode: string | null;
  phone: string | null;
  email: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  themesZh: string[];
  themesEn: string[];
  /** Present only in an export that includes them. */
  passportNumber?: string | null;
  passportExpiry?: string | null;
  nationalityZh?: string | null;
  nationalityEn?: string | null;
  dateOfBirth?: string | null;
}

export interface SensitiveChoice {
  passport: boolean;
  nationality: boolean;
  dob: boolean;
}

export const noSensitive: SensitiveChoice = { passport: false, nationality: false, dob: false };

export function anySensitive(choice: SensitiveChoice): boolean {
  return choice.passport || choice.nationality || choice.dob;
}

export function delegateColumns(l: ExportLabels, sensitive: SensitiveChoice) {
  const c = l.columns;
  return [
    column('number', c.number, 'number', 6),
    column('outlet', c.outlet, 'text', 28),
    column('region', c.region, 'text', 16),
    column('country', c.country, 'text', 14),
    column('nameZh', c.nameZh, 'text', 14),
    column('nameEn', c.nameEn, 'text', 22),
    column('passportName', c.passportName, 'text', 24),
    column('role', c.role, 'text', 14),
    column('group', c.group, 'text', 8),
    column('phone', c.phone, 'phone', 18),
    column('email', c.email, 'text', 28),
    column('dietaryNeeds', c.dietaryNeeds, 'text', 20),
    column('accessNeeds', c.accessNeeds, 'text', 20),
    column('themes', c.themes, 'text', 36),
    ...(sensitive.passport
      ? [
          column('passportNumber', c.passportNumber, 'text', 14),
          column('passportExpiry', c.passportExpiry, 'date', 12),
        ]
      : []),
    ...(sensitive.nationality ? [column('nationality', c.nationality, 'text', 14)] : []),
    ...(sensitive.dob ? [column('dateOfBirth', c.dateOfBirth, 'date', 12)] : []),
  ];
}

export function delegateRow(
  d: DelegateRecord,
  index: number,
  locale: string,
  l: ExportLabels,
  sensitive: SensitiveChoice,
): CellValue[] {
  const themes = isChinese(locale) ? d.themesZh : d.themesEn;
  return [
    index + 1,
    pick(locale, d.outletZh, d.outletEn),
    pick(locale, d.regionZh, d.regionEn),
    pick(locale, d.countryZh, d.countryEn),
    d.nameZh,
    d.nameEn,
    d.passportName,
    l.roles[d.role as keyof ExportLabels['roles']] ?? d.role,
    d.groupCode,
    d.phone,
    d.email,
    d.dietaryNeeds,
    d.accessNeeds,
    themes.join('; '),
    ...(sensitive.passport ? [d.passportNumber ?? null, d.passportExpiry ?? null] : []),
    ...(sensitive.nationality ? [pick(locale, d.nationalityZh, d.nationalityEn) || null] : []),
    ...(sensitive.dob ? [d.dateOfBirth ?? null] : []),
  ];
}

export function delegateTable(input: {
  tourName: string;
  records: DelegateRecord[];
  locale: string;
  labels: ExportLabels;
  sensitive: SensitiveChoice;
  /** The filters in words, for the title row. */
  filterWords: string[];
  exportedAt: string;
  timeZone: string;
}): ExportTable {
  const { labels: l, locale, sensitive } = input;
  return {
    title: `${input.tourName} · ${l.titles.delegates}`,
    subtitle: [
      fill(l.titles.filters, {
        filters: input.filterWords.length ? input.filterWords.join(', ') : l.titles.noFilters,
      }),
      fill(l.titles.exportedAt, { at: input.exportedAt }),
    ],
    header: [],
    columns: delegateColumns(l, sensitive),
    rows: input.records.map((d, i) => delegateRow(d, i, locale, l, sensitive)),
    timeZone: input.timeZone,
    sheetName: l.titles.delegates,
  };
}
