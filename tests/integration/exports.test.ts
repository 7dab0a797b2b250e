import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { demoAccounts, seedDemoTour } from '../../db/seed';
import { demoData } from '../../db/seed/demo-data';
import { seedLargeTour } from '../../db/seed/large';
import type { Viewer } from '../../lib/auth/permissions';
import {
  queryDayList,
  queryDelegateExport,
  queryProgrammeExport,
  queryVisitManifest,
} from '../../lib/dal/exports';
import { type TourScope, tourScope } from '../../lib/dal/scope';
import { writeCsv } from '../../lib/exports/csv';
import { delegateTable, noSensitive } from '../../lib/exports/delegates';
import { exportLabels } from '../../lib/exports/labels';
import { manifestTable } from '../../lib/exports/manifest';
import { programmeCalendar } from '../../lib/exports/programme';
import type { ExportTable } from '../../lib/exports/table';
import { writeXlsx } from '../../lib/exports/xlsx';
import { testDatabases } from './databases';
import { viewerOf } from './helpers';

const tz = 'Asia/Shanghai';
const origin = { ip: '127.0.0.1', format: 'xlsx' };
const labels = exportLabels('en');

async function bytesOf(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

/** The XLSX read back by exceljs: header names and rows as objects keyed by them. */
async function readXlsx(table: ExportTable) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytesOf((o) => writeXlsx(table, o))) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const headerAt = (sheet.views[0] as { ySplit: number }).ySplit;
  const headerRow = sheet.getRow(headerAt);
  const header: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) header.push(String(headerRow.getCell(c).value));
  const rows: Record<string, unknown>[] = [];
  for (let r = headerAt + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  }
  return { header, rows, sheet };
}

async function readCsv(table: ExportTable) {
  const bytes = await bytesOf((o) => writeCsv(table, o));
  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  return { bytes, rows };
}

for (const target of testDatabases()) {
  describe(`exports on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    let otherTourId: string;
    const viewers: Record<string, Viewer> = {};
    const db = () => handle.db;
    const scopeOf = (key: string, tour = tourId) =>
      tourScope(viewers[key] as Viewer, tour) as TourScope;

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      ({ tourId } = await seedDemoTour(handle.db));
      ({ tourId: otherTourId } = await seedLargeTour(handle.db, {
        delegates: 40,
        groupSize: 10,
        visitsPerGroup: 5,
        outlets: 4,
        accountEvery: 1000,
      }));
      for (const [key, email] of Object.entries(demoAccounts)) {
        viewers[key] = await viewerOf(handle.db, email);
      }
    });

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    /** The demo tour's delegates of a region, straight from the database. */
    async function delegatesOfRegion(code: string) {
      return db()
        .select({
          passportName: s.delegates.passportName,
          nameZh: s.delegates.nameZh,
          phone: s.delegates.phone,
        })
        .from(s.delegates)
        .innerJoin(s.outlets, eq(s.outlets.id, s.delegates.outletId))
        .innerJoin(s.countries, eq(s.countries.code, s.outlets.countryCode))
        .innerJoin(s.regions, eq(s.regions.id, s.countries.regionId))
        .where(
          and(
            eq(s.delegates.tourId, tourId),
            eq(s.regions.code, code),
            isNull(s.delegates.archivedAt),
          ),
        )
        .orderBy(asc(s.delegates.passportName));
    }

    it('a region filter exports exactly the region, Chinese names and phones intact (XLSX and CSV)', async () => {
      const expected = await delegatesOfRegion('southeast_asia');
      expect(expected.length).toBeGreaterThan(2);
      const { records, sensitive } = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: { region: 'southeast_asia' },
        sensitive: noSensitive,
        timeZone: tz,
        origin,
      });
      const table = delegateTable({
        tourName: '四川',
        records,
        locale: 'en',
        labels,
        sensitive,
        filterWords: ['Region: Southeast Asia'],
        exportedAt: 'now',
        timeZone: tz,
      });
      const xlsx = await readXlsx(table);
      const fromXlsx = xlsx.rows
        .map((r) => ({
          passportName: r['Name as in passport'],
          nameZh: r['Chinese name'],
          phone: r.Phone,
        }))
        .sort((a, b) => String(a.passportName).localeCompare(String(b.passportName)));
      expect(fromXlsx).toEqual(
        [...expected].sort((a, b) => a.passportName.localeCompare(b.passportName)),
      );
      expect(expected.some((d) => d.phone?.startsWith('+'))).toBe(true);

      const csv = await readCsv(table);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(
        csv.rows
          .map((r) => ({
            passportName: r['Name as in passport'],
            nameZh: r['Chinese name'] || null,
            phone: r.Phone || null,
          }))
          .sort((a, b) => String(a.passportName).localeCompare(String(b.passportName))),
      ).toEqual([...expected].sort((a, b) => a.passportName.localeCompare(b.passportName)));
    });

    it('an unknown region gives an empty list, never another tour', async () => {
      const none = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: { region: 'narnia' },
        sensitive: noSensitive,
        timeZone: tz,
        origin,
      });
      expect(none.records).toEqual([]);
      const all = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: {},
        sensitive: noSensitive,
        timeZone: tz,
        origin,
      });
      const count = demoData.outlets.reduce((n, o) => n + o.delegates.length, 0);
      expect(all.records).toHaveLength(count);
      expect(all.records.some((r) => r.outletEn.startsWith('Test Daily'))).toBe(false);
    });

    it('passport numbers only for an organizer who ticks them, and that export is audited', async () => {
      const before = await db().$count(s.auditLog, eq(s.auditLog.action, 'export.sensitive'));
      const plain = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: { region: 'europe' },
        sensitive: noSensitive,
        timeZone: tz,
        origin,
      });
      expect(plain.records.every((r) => r.passportNumber === undefined)).toBe(true);
      expect(await db().$count(s.auditLog, eq(s.auditLog.action, 'export.sensitive'))).toBe(before);

      const ticked = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: { region: 'europe' },
        sensitive: { passport: true, nationality: true, dob: false },
        timeZone: tz,
        origin,
      });
      const passports = new Set(
        demoData.outlets.flatMap((o) => o.delegates.map((d) => d.passportNumber)),
      );
      expect(ticked.records.length).toBeGreaterThan(0);
      for (const r of ticked.records) expect(passports.has(r.passportNumber ?? '')).toBe(true);
      const [entry] = await db()
        .select()
        .from(s.auditLog)
        .where(eq(s.auditLog.action, 'export.sensitive'))
        .orderBy(sql`${s.auditLog.id} desc`)
        .limit(1);
      expect(entry).toMatchObject({
        userId: viewers.organizer?.userId,
        tourId,
        detail: {
          export: 'delegates',
          filters: { region: 'europe' },
          rows: ticked.records.length,
          columns: ['passport', 'nationality'],
        },
      });
      const table = delegateTable({
        tourName: 't',
        records: ticked.records,
        locale: 'zh',
        labels: exportLabels('zh'),
        sensitive: ticked.sensitive,
        filterWords: [],
        exportedAt: 'now',
        timeZone: tz,
      });
      const { rows } = await readXlsx(table);
      expect(rows.map((r) => r.护照号码).sort()).toEqual(
        ticked.records.map((r) => r.passportNumber).sort(),
      );
    });

    it("a coordinator's list has no passport column, whatever they ask", async () => {
      const asked = { passport: true, nationality: true, dob: true };
      const result = await queryDelegateExport(db(), scopeOf('coordinator'), {
        filters: {},
        sensitive: asked,
        timeZone: tz,
        origin,
      });
      expect(result.sensitive).toEqual(noSensitive);
      expect(result.records.every((r) => !('passportNumber' in r))).toBe(true);
      const table = delegateTable({
        tourName: 't',
        records: result.records,
        locale: 'en',
        labels,
        sensitive: result.sensitive,
        filterWords: [],
        exportedAt: 'now',
        timeZone: tz,
      });
      const { bytes } = await readCsv(table);
      expect(bytes.toString('utf8')).not.toMatch(/Passport number|Date of birth|Nationality/);
      for (const p of demoData.outlets.flatMap((o) => o.delegates.map((d) => d.passportNumber))) {
        expect(bytes.toString('utf8')).not.toContain(p);
      }
    });

    it('defuses a formula typed into a delegate, in the CSV, and keeps it text in the XLSX', async () => {
      const [d] = await db()
        .select({ id: s.delegates.id })
        .from(s.delegates)
        .where(eq(s.delegates.tourId, tourId))
        .orderBy(asc(s.delegates.passportName))
        .limit(1);
      await db()
        .update(s.delegates)
        .set({ dietaryNeeds: '=HYPERLINK("http://x","y")', accessNeeds: '@SUM(1)' })
        .where(eq(s.delegates.id, d?.id ?? ''));
      const { records, sensitive } = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: {},
        sensitive: noSensitive,
        timeZone: tz,
        origin,
      });
      const table = delegateTable({
        tourName: 't',
        records,
        locale: 'en',
        labels,
        sensitive,
        filterWords: [],
        exportedAt: 'now',
        timeZone: tz,
      });
      const csv = await readCsv(table);
      expect(csv.rows.map((r) => r['Dietary needs'])).toContain(`'=HYPERLINK("http://x","y")`);
      expect(csv.rows.map((r) => r['Access needs'])).toContain("'@SUM(1)");
      const xlsx = await readXlsx(table);
      const cell = xlsx.rows.find((r) => r['Dietary needs'] === '=HYPERLINK("http://x","y")');
      expect(cell).toBeTruthy();
    });

    it('who is where on a day: the city and date filter follows the groups', async () => {
      const [visit] = await db()
        .select({
          cityCode: s.cities.code,
          startsAt: s.visits.startsAt,
          groupId: s.visitGroups.groupId,
        })
        .from(s.visits)
        .innerJoin(s.cities, eq(s.cities.id, s.visits.cityId))
        .innerJoin(s.visitGroups, eq(s.visitGroups.visitId, s.visits.id))
        .where(and(eq(s.visits.tourId, tourId), eq(s.visits.cancelled, false)))
        .orderBy(asc(s.visits.startsAt))
        .limit(1);
      if (!visit) throw new Error('no visit');
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(visit.startsAt);
      const { records } = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: { city: visit.cityCode, date },
        sensitive: noSensitive,
        timeZone: tz,
        origin,
      });
      const expected = await db().execute<{ n: number }>(sql`
        select count(distinct d.id)::int as n from delegates d
        join group_members gm on gm.delegate_id = d.id
        join visit_groups vg on vg.group_id = gm.group_id
        join visits v on v.id = vg.visit_id
        join cities c on c.id = v.city_id
        where d.tour_id = ${tourId} and d.archived_at is null and not v.cancelled
          and c.code = ${visit.cityCode}
          and (v.starts_at at time zone ${tz})::date = ${date}::date`);
      const rows =
        (expected as unknown as { rows?: { n: number }[] }).rows ??
        (expected as unknown as { n: number }[]);
      expect(records.length).toBe(rows[0]?.n);
      expect(records.length).toBeGreaterThan(0);
      const none = await queryDelegateExport(db(), scopeOf('organizer'), {
        filters: { city: visit.cityCode, date: '1999-01-01' },
        sensitive: noSensitive,
        timeZone: tz,
        origin,
      });
      expect(none.records).toEqual([]);
    });

    it("a visit's manifest holds the people of its groups; passports only for organizers", async () => {
      const [visit] = await db()
        .select({ id: s.visits.id })
        .from(s.visits)
        .innerJoin(s.visitGroups, eq(s.visitGroups.visitId, s.visits.id))
        .where(and(eq(s.visits.tourId, tourId), eq(s.visits.kind, 'site_visit')))
        .limit(1);
      if (!visit) throw new Error('no visit');
      await db().update(s.groups).set({ vehicle: '川A·12345' }).where(eq(s.groups.tourId, tourId));
      const expected = await db()
        .selectDistinct({ passportName: s.delegates.passportName })
        .from(s.visitGroups)
        .innerJoin(s.groupMembers, eq(s.groupMembers.groupId, s.visitGroups.groupId))
        .innerJoin(s.delegates, eq(s.delegates.id, s.groupMembers.delegateId))
        .where(and(eq(s.visitGroups.visitId, visit.id), isNull(s.delegates.archivedAt)));
      const coordinator = await queryVisitManifest(db(), scopeOf('coordinator'), {
        visitId: visit.id,
        sensitive: true,
        origin,
      });
      expect(coordinator?.sensitive).toBe(false);
      expect(coordinator?.people.map((p) => p.passportName).sort()).toEqual(
        expected.map((e) => e.passportName).sort(),
      );
      expect(coordinator?.people.every((p) => p.passportNumber === undefined)).toBe(true);
      const organizer = await queryVisitManifest(db(), scopeOf('organizer'), {
        visitId: visit.id,
        sensitive: true,
        origin,
      });
      if (!organizer) throw new Error('no manifest');
      const table = manifestTable({
        tourName: 't',
        visit: organizer.visit,
        people: organizer.people,
        locale: 'zh',
        labels: exportLabels('zh'),
        sensitive: true,
        exportedAt: 'now',
        timeZone: tz,
      });
      const { rows, sheet } = await readXlsx(table);
      expect(rows).toHaveLength(expected.length);
      expect(rows.every((r) => typeof r.护照号码 === 'string')).toBe(true);
      expect(rows[0]?.车辆).toBe('川A·12345');
      expect(String(sheet.getCell('A3').value)).toBe('活动');
      const csv = await readCsv({ ...table });
      expect(Object.keys(csv.rows[0] ?? {})).toContain('签到');
    });

    it("another tour's visit is no manifest for this tour", async () => {
      const [foreign] = await db()
        .select({ id: s.visits.id })
        .from(s.visits)
        .where(eq(s.visits.tourId, otherTourId))
        .limit(1);
      expect(
        await queryVisitManifest(db(), scopeOf('organizer'), {
          visitId: foreign?.id ?? '',
          sensitive: false,
          origin,
        }),
      ).toBeNull();
      expect(
        await queryDayList(db(), scopeOf('organizer'), {
          date: '2025-07-18',
          timeZone: tz,
          group: 'G1',
          sensitive: false,
          origin,
        }),
      ).toBeNull();
    });

    it("a group's day list holds its members", async () => {
      const list = await queryDayList(db(), scopeOf('coordinator'), {
        date: '2025-07-18',
        timeZone: tz,
        group: 'A',
        sensitive: false,
        origin,
      });
      const members = await db()
        .select({ id: s.groupMembers.delegateId })
        .from(s.groupMembers)
        .innerJoin(s.groups, eq(s.groups.id, s.groupMembers.groupId))
        .where(and(eq(s.groups.tourId, tourId), eq(s.groups.code, 'A')));
      expect(list?.people).toHaveLength(members.length);
    });

    it('the programme calendar holds every visit of the tour (ical.js)', async () => {
      const visits = await queryProgrammeExport(db(), scopeOf('coordinator'));
      expect(visits).toHaveLength(await db().$count(s.visits, eq(s.visits.tourId, tourId)));
      const text = programmeCalendar({
        tourName: 't',
        visits,
        locale: 'en',
        timeZone: tz,
        host: 'tourdesk',
      });
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      expect(events).toHaveLength(visits.length);
      expect(new Set(events.map((e) => e.getFirstPropertyValue('uid'))).size).toBe(visits.length);
    });
  });
}
