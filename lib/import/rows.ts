import { delegateRoles, mediaTypes, sexes } from '@/db/schema';
import { foldForSearch } from '@/lib/search';
import { hasControlChars } from '@/lib/validation/text';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { columnLetter, type Table } from './read';

// From a table of text cells to rows ready to save, or to the list of every problem by row,
// column and reason. Pure: the reference data (countries, the tour's outlets and delegates) comes in.

export const importKinds = ['outlets', 'delegates'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importFields = {
  outlets: ['nameZh', 'nameEn', 'country', 'mediaType', 'website'],
  delegates: [
    'outlet',
    'passportName',
    'nameZh',
    'nameEn',
    'role',
    'sex',
    'phone',
    'email',
    'pressCard',
    'dietaryNeeds',
    'accessNeeds',
    'arrivesAt',
    'departsAt',
    'passportNumber',
    'passportExpiry',
    'nationality',
    'dateOfBirth',
  ],
} as const satisfies Record<ImportKind, readonly string[]>;

export type ImportField = (typeof importFields)[ImportKind][number];

const required: Record<ImportKind, readonly string[]> = {
  outlets: ['nameZh', 'nameEn', 'country', 'mediaType'],
  delegates: ['outlet', 'passportName'],
};

/** Column titles recognised without asking (any case, either language). */
const aliases: Record<string, string[]> = {
  nameZh: ['name_zh', 'chinese name', '中文名称', '中文名', '中文姓名'],
  nameEn: ['name_en', 'english name', '英文名称', '英文名', '英文姓名'],
  country: ['country', 'country_code', 'country code', '国家', '国家/地区'],
  mediaType: ['media_type', 'media type', 'type', '媒体类型', '类型'],
  website: ['website', 'web', 'url', '网站'],
  outlet: ['outlet', 'media', 'outlet name', '媒体', '所属媒体', '媒体名称'],
  passportName: ['passport_name', 'passport name', 'name as in passport', '护照姓名', '护照名'],
  role: ['role', '职务', '角色'],
  sex: ['sex', 'gender', '性别'],
  phone: ['phone', 'mobile', 'telephone', '电话', '手机'],
  email: ['email', 'e-mail', '邮箱', '电子邮箱'],
  pressCard: ['press_card', 'press card', '记者证'],
  dietaryNeeds: ['dietary_needs', 'dietary needs', 'diet', '饮食需求', '饮食'],
  accessNeeds: ['access_needs', 'access needs', '无障碍需求'],
  arrivesAt: ['arrives_at', 'arrives', 'arrival', '抵达', '抵达时间'],
  departsAt: ['departs_at', 'departs', 'departure', '离开', '离开时间'],
  passportNumber: [
    'passport_number',
    'passport number',
    'passport no',
    'passport',
    '护照号码',
    '护照号',
  ],
  passportExpiry: ['passport_expiry', 'passport expiry', '护照有效期'],
  nationality: ['nationality', '国籍'],
  dateOfBirth: ['date_of_birth', 'date of birth', 'birth date', '出生日期'],
};

export type Mapping = Partial<Record<string, string>>;

/** Which column feeds which field: the saved choice where its column is present, else a guess. */
export function guessMapping(kind: ImportKind, header: string[], saved: Mapping = {}): Mapping {
  const folded = header.map((h) => foldForSearch(h));
  const out: Mapping = {};
  for (const field of importFields[kind]) {
    const remembered = saved[field];
    if (remembered && header.includes(remembered)) {
      out[field] = remembered;
      continue;
    }
    const names = [field.toLowerCase(), ...(aliases[field] ?? [])].map(foldForSearch);
    const at = folded.findIndex((h) => names.includes(h));
    if (at >= 0) out[field] = header[at];
  }
  return out;
}

export type ProblemReason =
  | 'required'
  | 'tooLong'
  | 'controlChars'
  | 'unknownCountry'
  | 'unknownMediaType'
  | 'unknownOutlet'
  | 'unknownRole'
  | 'unknownSex'
  | 'badDate'
  | 'badEmail'
  | 'badUrl'
  | 'badPassport'
  | 'departsBeforeArrives'
  | 'duplicate'
  | 'formula'
  | 'cellTooLong'
  | 'passportOrganizerOnly'
  | 'missingColumn';

export interface RowProblem {
  /** As the spreadsheet shows it; 0 for the file as a whole (a column that is missing). */
  row: number;
  /** Letter and title, e.g. "C (Country)"; the field's name when no column feeds it. */
  column: string;
  field: string;
  reason: ProblemReason;
}

export interface Reference {
  countries: { code: string; nameZh: string; nameEn: string }[];
  /** The tour's outlets, to match outlet rows (update) and delegates' outlets. */
  outlets: { id: string; nameZh: string; nameEn: string }[];
  /** The tour's delegates, to match by name as in passport (update). */
  delegates: { id: string; passportName: string; outletId: string }[];
  /** Organizers may import passport numbers and other sensitive fields. */
  sensitive: boolean;
}

export interface OutletRow {
  row: number;
  existingId: string | null;
  values: {
    nameZh: string;
    nameEn: string;
    countryCode: string;
    mediaType: (typeof mediaTypes)[number];
    website: string | null;
  };
}

export interface DelegateRow {
  row: number;
  existingId: string | null;
  values: {
    outletId: string;
    passportName: string;
    nameZh: string | null;
    nameEn: string | null;
    role: (typeof delegateRoles)[number];
    sex: (typeof sexes)[number] | null;
    phone: string | null;
    email: string | null;
    pressCard: string | null;
    dietaryNeeds: string | null;
    accessNeeds: string | null;
    /** 'yyyy-MM-ddTHH:mm' on the tour's clock. */
    arrivesAt: string | null;
    departsAt: string | null;
  };
  sensitive: {
    passportNumber: string | null;
    passportExpiry: string | null;
    nationality: string | null;
    dateOfBirth: string | null;
  };
}

export type Checked =
  | { kind: 'outlets'; rows: OutletRow[]; problems: RowProblem[] }
  | { kind: 'delegates'; rows: DelegateRow[]; problems: RowProblem[] };

function enumMatcher<T extends string>(values: readonly T[], labels: Record<string, string>[]) {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(foldForSearch(v), v);
    map.set(foldForSearch(v.replace(/_/g, ' ')), v);
    for (const l of labels) if (l[v]) map.set(foldForSearch(l[v]), v);
  }
  return (text: string) => map.get(foldForSearch(text)) ?? null;
}

const mediaTypeOf = enumMatcher(mediaTypes, [en.mediaType, zh.mediaType]);
const roleOf = enumMatcher(delegateRoles, [en.delegateRole, zh.delegateRole]);
const sexOf = enumMatcher(sexes, [
  { female: 'Female', male: 'Male', other: 'Other' },
  { female: '女', male: '男', other: '其他' },
  { female: 'F', male: 'M', other: 'X' },
]);

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
  const m = dateOnly.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** 'yyyy-MM-dd HH:mm' or with a T; null when it is not one. */
function localDateTime(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)(:\d{2}(\.\d+)?)?$/.exec(text);
  if (!m?.[1] || !validDate(m[1])) return null;
  return `${m[1]}T${m[2]}:${m[3]}`;
}

export function checkRows(
  kind: ImportKind,
  table: Table,
  mapping: Mapping,
  ref: Reference,
): Checked {
  const problems: RowProblem[] = [];
  const columnOf = new Map<string, number>();
  for (const [field, title] of Object.entries(mapping)) {
    if (!title || !(importFields[kind] as readonly string[]).includes(field)) continue;
    const at = table.header.indexOf(title);
    if (at >= 0) columnOf.set(field, at);
  }
  const columnName = (field: string) => {
    const at = columnOf.get(field);
    return at === undefined ? field : `${columnLetter(at)} (${table.header[at]})`;
  };
  for (const field of required[kind]) {
    if (!columnOf.has(field))
      problems.push({ row: 0, column: field, field, reason: 'missingColumn' });
  }
  for (const p of table.problems) {
    const at = p.column;
    const index = table.header.findIndex((_, i) => columnLetter(i) === at);
    problems.push({
      row: p.row,
      column: index >= 0 ? `${at} (${table.header[index]})` : at,
      field: [...columnOf.entries()].find(([, i]) => i === index)?.[0] ?? '',
      reason: p.reason,
    });
  }
  if (problems.some((p) => p.reason === 'missingColumn'))
    return { kind, rows: [], problems } as Checked;

  const cell = (cells: string[], field: string) => {
    const at = columnOf.get(field);
    return at === undefined ? '' : (cells[at] ?? '');
  };
  const countryBy = new Map<string, string>();
  for (const c of ref.countries) {
    for (const key of [c.code, c.nameEn, c.nameZh]) countryBy.set(foldForSearch(key), c.code);
  }
  const outletBy = new Map<string, string>();
  for (const o of ref.outlets) {
    outletBy.set(foldForSearch(o.nameEn), o.id);
    outletBy.set(foldForSearch(o.nameZh), o.id);
  }

  const rowsOut: (OutletRow | DelegateRow)[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const before = problems.length;
    const problem = (field: string, reason: ProblemReason) =>
      problems.push({ row, column: columnName(field), field, reason });
    const text = (field: string, max: number, isRequired = false, multiline = false) => {
      const v = cell(cells, field);
      if (!v) {
        if (isRequired) problem(field, 'required');
        return null;
      }
      if (hasControlChars(v, multiline)) problem(field, 'controlChars');
      else if (v.length > max) problem(field, 'tooLong');
      return v;
    };

    if (kind === 'outlets') {
      const nameZh = text('nameZh', 200, true);
      const nameEn = text('nameEn', 200, true);
      const countryText = text('country', 100, true);
      const countryCode = countryText ? countryBy.get(foldForSearch(countryText)) : undefined;
      if (countryText && !countryCode) problem('country', 'unknownCountry');
      const typeText = text('mediaType', 50, true);
      const mediaType = typeText ? mediaTypeOf(typeText) : null;
      if (typeText && !mediaType) problem('mediaType', 'unknownMediaType');
      const website = text('website', 500);
      if (website && !/^https?:\/\/\S+$/.test(website)) problem('website', 'badUrl');
      const key = foldForSearch(nameEn ?? '');
      if (key && seen.has(key)) problem('nameEn', 'duplicate');
      if (key) seen.set(key, row);
      if (problems.length === before && nameZh && nameEn && countryCode && mediaType) {
        const existingId =
          outletBy.get(foldForSearch(nameEn)) ?? outletBy.get(foldForSearch(nameZh)) ?? null;
        rowsOut.push({
          row,
          existingId,
          values: { nameZh, nameEn, countryCode, mediaType, website },
        });
      }
      continue;
    }

    const outletText = text('outlet', 200, true);
    const outletId = outletText ? outletBy.get(foldForSearch(outletText)) : undefined;
    if (outletText && !outletId) problem('outlet', 'unknownOutlet');
    const passportName = text('passportName', 200, true);
    const roleText = text('role', 50);
    const role = roleText ? roleOf(roleText) : 'journalist';
    if (roleText && !role) problem('role', 'unknownRole');
    const sexText = text('sex', 20);
    const sex = sexText ? sexOf(sexText) : null;
    if (sexText && !sex) problem('sex', 'unknownSex');
    const email = text('email', 254);
    if (email && !emailPattern.test(email)) problem('email', 'badEmail');
    const when = (field: string) => {
      const v = text(field, 40);
      if (!v) return null;
      const parsed = localDateTime(v);
      if (!parsed) problem(field, 'badDate');
      return parsed;
    };
    const arrivesAt = when('arrivesAt');
    const departsAt = when('departsAt');
    if (arrivesAt && departsAt && departsAt <= arrivesAt)
      problem('departsAt', 'departsBeforeArrives');
    const day = (field: string) => {
      const v = text(field, 20);
      if (v && !validDate(v)) problem(field, 'badDate');
      return v;
    };
    const passportNumber = text('passportNumber', 20)?.toUpperCase() ?? null;
    if (passportNumber && !/^[A-Z0-9]{5,20}$/.test(passportNumber))
      problem('passportNumber', 'badPassport');
    const passportExpiry = day('passportExpiry');
    const dateOfBirth = day('dateOfBirth');
    const nationalityText = text('nationality', 100);
    const nationality = nationalityText
      ? (countryBy.get(foldForSearch(nationalityText)) ?? null)
      : null;
    if (nationalityText && !nationality) problem('nationality', 'unknownCountry');
    if (!ref.sensitive) {
      for (const [field, v] of [
        ['passportNumber', passportNumber],
        ['passportExpiry', passportExpiry],
        ['nationality', nationalityText],
        ['dateOfBirth', dateOfBirth],
      ] as const) {
        if (v) problem(field, 'passportOrganizerOnly');
      }
    }
    const key = foldForSearch(passportName ?? '');
    if (key && seen.has(key)) problem('passportName', 'duplicate');
    if (key) seen.set(key, row);
    if (problems.length === before && outletId && passportName && role) {
      const existing = ref.delegates.find((d) => foldForSearch(d.passportName) === key);
      rowsOut.push({
        row,
        existingId: existing?.id ?? null,
        values: {
          outletId,
          passportName,
          nameZh: text('nameZh', 200),
          nameEn: text('nameEn', 200),
          role,
          sex,
          phone: text('phone', 50),
          email,
          pressCard: text('pressCard', 100),
          dietaryNeeds: text('dietaryNeeds', 500, false, true),
          accessNeeds: text('accessNeeds', 500, false, true),
          arrivesAt,
          departsAt,
        },
        sensitive: { passportNumber, passportExpiry, nationality, dateOfBirth },
      });
    }
  }
  return { kind, rows: rowsOut, problems } as Checked;
}
