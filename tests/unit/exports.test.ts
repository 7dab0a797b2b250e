import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { csvText, isPhoneShaped, neutraliseText, xlsxValue } from '../../lib/exports/cells';
import { writeCsv } from '../../lib/exports/csv';
import { type DelegateRecord, delegateTable, noSensitive } from '../../lib/exports/delegates';
import { contentDisposition, exportFileName } from '../../lib/exports/file-name';
import { exportLabels } from '../../lib/exports/labels';
import { attentionOf, manifestColumns } from '../../lib/exports/manifest';
import { type ProgrammeVisit, programmeCalendar } from '../../lib/exports/programme';
import { writeXlsx } from '../../lib/exports/xlsx';

async function bytesOf(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

const tz = 'Asia/Shanghai';

describe('neutralising cells', () => {
  it('defuses every cell that starts with = + - @ tab or CR', () => {
    for (const v of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("x")']) {
      expect(neutraliseText(v)).toBe(`'${v}`);
    }
    expect(neutraliseText('王明')).toBe('王明');
    expect(neutraliseText('a=b')).toBe('a=b');
  });

  it('keeps phone numbers with a leading + or 0 in a phone column, and defuses the rest', () => {
    expect(isPhoneShaped('+60 12 345 6789')).toBe(true);
    expect(neutraliseText('+60 12 345 6789', 'phone')).toBe('+60 12 345 6789');
    expect(neutraliseText('0912-345-678', 'phone')).toBe('0912-345-678');
    expect(neutraliseText('+1 =cmd|x', 'phone')).toBe("'+1 =cmd|x");
    expect(neutraliseText('-1+2', 'phone')).toBe("'-1+2");
    // Outside a phone column, the same text is defused like any other.
    expect(neutraliseText('+60 12 345 6789')).toBe("'+60 12 345 6789");
  });

  it('writes instants on the tour clock, not the machine zone', () => {
    const at = new Date('2025-07-21T01:30:00Z'); // 09:30 in Shanghai; TZ here is Los Angeles
    expect(csvText(at, 'time', tz)).toBe('09:30');
    expect(csvText(at, 'date', tz)).toBe('2025-07-21');
    expect(csvText(at, 'datetime', tz)).toBe('2025-07-21 09:30');
    expect(xlsxValue(at, 'datetime', tz)).toEqual(new Date('2025-07-21T09:30:00Z'));
    expect(xlsxValue(at, 'time', tz)).toBeCloseTo(9.5 / 24);
    expect(xlsxValue('1990-02-03', 'date', tz)).toEqual(new Date('1990-02-03T00:00:00Z'));
  });
});

describe('file names', () => {
  it('carries the tour and the date, safe for every system', () => {
    expect(exportFileName(['2025 海外华文媒体 / Tour', 'delegates', '2025-07-22'], 'xlsx')).toBe(
      '2025-海外华文媒体-Tour_delegates_2025-07-22.xlsx',
    );
    expect(exportFileName(['', null], 'csv')).toBe('export.csv');
  });

  it('sends an ASCII fallback and the exact name as RFC 5987 UTF-8', () => {
    const header = contentDisposition('四川之旅_delegates_2025-07-22.csv');
    expect(header).toBe(
      `attachment; filename="delegates_2025-07-22.csv"; filename*=UTF-8''${encodeURIComponent('四川之旅')}_delegates_2025-07-22.csv`,
    );
    expect(contentDisposition('a"b;c.xlsx')).toContain('filename="abc.xlsx"');
    expect(contentDisposition("it's (1).csv")).toContain("filename*=UTF-8''it%27s%20%281%29.csv");
  });
});

const person: DelegateRecord = {
  outletZh: '星洲日报',
  outletEn: 'Sin Chew Daily',
  regionZh: '东南亚',
  regionEn: 'Southeast Asia',
  countryZh: '马来西亚',
  countryEn: 'Malaysia',
  nameZh: '王明',
  nameEn: 'Wang Ming',
  passportName: 'WANG MING',
  role: 'journalist',
  groupCode: 'A',
  phone: '+60 12 345 6789',
  email: 'wang@example.my',
  dietaryNeeds: '=HYPERLINK("http://evil","x")',
  accessNeeds: null,
  themesZh: ['科技', '文化'],
  themesEn: ['Science', 'Culture'],
  passportNumber: 'A1234567',
  passportExpiry: '2030-01-31',
  nationalityZh: '马来西亚',
  nationalityEn: 'Malaysia',
  dateOfBirth: '1990-02-03',
};

function table(sensitive = noSensitive, records = [person, { ...person, phone: '0912 345 678' }]) {
  return delegateTable({
    tourName: '四川重庆行',
    records,
    locale: 'en',
    labels: exportLabels('en'),
    sensitive,
    filterWords: ['Region: southeast_asia'],
    exportedAt: '2025-07-20 10:00',
    timeZone: tz,
  });
}

describe('delegation list', () => {
  it('has no passport, nationality or birth date columns unless asked', () => {
    const keys = table().columns.map((c) => c.key);
    expect(keys).not.toContain('passportNumber');
    expect(keys).not.toContain('nationality');
    expect(keys).not.toContain('dateOfBirth');
    const all = table({ passport: true, nationality: true, dob: true }).columns.map((c) => c.key);
    expect(all).toEqual(expect.arrayContaining(['passportNumber', 'nationality', 'dateOfBirth']));
    expect(manifestColumns(exportLabels('zh'), false).map((c) => c.key)).not.toContain(
      'passportNumber',
    );
  });

  it('CSV: BOM, header, Chinese intact, phones intact, formulas defused (read by csv-parse)', async () => {
    const bytes = await bytesOf((out) => writeCsv(table(), out));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const rows = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    const [header, first, second] = rows;
    expect(header?.[0]).toBe('No.');
    const col = (name: string) => header?.indexOf(name) ?? -1;
    expect(first?.[col('Chinese name')]).toBe('王明');
    expect(first?.[col('Outlet')]).toBe('Sin Chew Daily');
    expect(first?.[col('Phone')]).toBe('+60 12 345 6789');
    expect(second?.[col('Phone')]).toBe('0912 345 678');
    expect(first?.[col('Dietary needs')]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(rows).toHaveLength(3);
  });

  it('CSV of no rows is a header alone', async () => {
    const rows = parse(await bytesOf((out) => writeCsv(table(noSensitive, []), out)), {
      bom: true,
    });
    expect(rows).toHaveLength(1);
  });

  it('XLSX: title row, frozen header, filter, typed cells, phones as text (read by exceljs)', async () => {
    const bytes = await bytesOf((out) =>
      writeXlsx(table({ passport: true, nationality: true, dob: true }), out),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(String(sheet.getCell('A1').value)).toBe('四川重庆行 · Delegation list');
    expect(String(sheet.getCell('A2').value)).toContain('southeast_asia');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = sheet.getRow(4).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const row = sheet.getRow(5);
    expect(row.getCell(col('No.')).value).toBe(1);
    expect(row.getCell(col('Chinese name')).value).toBe('王明');
    expect(row.getCell(col('Phone')).value).toBe('+60 12 345 6789');
    expect(row.getCell(col('Phone')).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(6).getCell(col('Phone')).value).toBe('0912 345 678');
    // Text that looks like a formula stays text in a workbook: never a formula cell.
    expect(row.getCell(col('Dietary needs')).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(col('Date of birth')).value).toEqual(new Date('1990-02-03T00:00:00Z'));
    expect(row.getCell(col('Passport number')).value).toBe('A1234567');
    expect(sheet.getColumn(col('Outlet')).width).toBe(28);
    expect(sheet.rowCount).toBe(6);
  });

  it('XLSX of no rows still has the title and the header', async () => {
    const bytes = await bytesOf((out) => writeXlsx(table(noSensitive, []), out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(4).getCell(1).value).toBe('No.');
  });
});

describe('manifest rows', () => {
  it('marks dietary and access needs for the door', () => {
    expect(attentionOf({ dietaryNeeds: 'Halal', accessNeeds: 'Wheelchair' })).toBe(
      'Wheelchair; Halal',
    );
    expect(attentionOf({ dietaryNeeds: ' ', accessNeeds: null })).toBe('');
  });
});

describe('programme calendar', () => {
  const visit = (over: Partial<ProgrammeVisit>): ProgrammeVisit => ({
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'site_visit',
    titleZh: '参观赛力斯超级工厂',
    titleEn: 'Seres super factory',
    startsAt: new Date('2025-07-21T01:30:00Z'),
    endsAt: new Date('2025-07-21T03:00:00Z'),
    siteZh: '赛力斯',
    siteEn: 'Seres',
    addressZh: null,
    addressEn: null,
    cityZh: '两江新区',
    cityEn: 'Liangjiang',
    groups: ['A'],
    vehicle: null,
    hostContactName: null,
    hostContactPhone: null,
    escortName: null,
    escortPhone: null,
    notesZh: null,
    notesEn: null,
    cancelled: false,
    version: 3,
    updatedAt: new Date('2025-07-01T00:00:00Z'),
    ...over,
  });

  it('has UTC times, a stable UID, SEQUENCE from the version and cancelled visits (ical.js)', () => {
    const text = programmeCalendar({
      tourName: 'Tour',
      visits: [visit({}), visit({ id: '22222222-2222-4222-8222-222222222222', cancelled: true })],
      locale: 'zh',
      timeZone: tz,
      host: 'tourdesk.example',
    });
    expect(text).toContain('DTSTART:20250721T013000Z');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const first = new ICAL.Event(events[0]);
    expect(first.uid).toBe('visit-11111111-1111-4111-8111-111111111111@tourdesk.example');
    expect(first.summary).toBe('参观赛力斯超级工厂');
    expect(first.sequence).toBe(3);
    expect(first.startDate.toJSDate().toISOString()).toBe('2025-07-21T01:30:00.000Z');
    expect(events[1]?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
