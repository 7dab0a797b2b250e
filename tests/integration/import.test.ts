import { and, count, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { seedDemoTour } from '../../db/seed';
import { demoData } from '../../db/seed/demo-data';
import { hashPassword } from '../../lib/auth/password';
import type { Role, Viewer } from '../../lib/auth/permissions';
import { decryptPassport } from '../../lib/crypto/passport';
import { commitImport, previewImport, querySavedMapping } from '../../lib/dal/editing/import';
import { type TourScope, tourScope } from '../../lib/dal/scope';
import { createSession } from '../../lib/dal/sessions';
import { readSpreadsheet } from '../../lib/import/read';
import { guessMapping, type ImportKind } from '../../lib/import/rows';
import { dateKeyOf, formatTime } from '../../lib/time';
import { testDatabases } from './databases';

async function xlsxOf(rows: (string | number | { formula: string })[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function tableOf(bytes: Uint8Array) {
  const read = await readSpreadsheet(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.table;
}

for (const target of testDatabases()) {
  describe(`import on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    let organizer: Viewer;
    let org: TourScope;
    const db = () => handle.db;
    const ip = '203.0.113.8';

    async function insertUser(email: string, role: Role): Promise<Viewer> {
      const [row] = await db()
        .insert(s.users)
        .values({ email, role, displayName: email, passwordHash: await hashPassword('not-used-1') })
        .returning({ id: s.users.id });
      if (!row) throw new Error('insert failed');
      const session = await createSession(db(), { userId: row.id, ip: '127.0.0.1' });
      return {
        userId: row.id,
        sessionId: session.id,
        email,
        displayName: email,
        role,
        staffTourIds: [],
        tourId: null,
        delegateId: null,
      };
    }

    async function counts() {
      const [[o], [d]] = await Promise.all([
        db().select({ n: count() }).from(s.outlets).where(eq(s.outlets.tourId, tourId)),
        db().select({ n: count() }).from(s.delegates).where(eq(s.delegates.tourId, tourId)),
      ]);
      return { outlets: o?.n, delegates: d?.n };
    }

    async function run(kind: ImportKind, bytes: Uint8Array) {
      const table = await tableOf(bytes);
      const mapping = guessMapping(kind, table.header);
      return {
        table,
        mapping,
        result: await commitImport(db(), org, { kind, table, mapping, ip }),
      };
    }

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      ({ tourId } = await seedDemoTour(handle.db));
      organizer = await insertUser('org-import@example.com', 'organizer');
      org = tourScope(organizer, tourId) as TourScope;
    });

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    it('a 2,000-row XLSX with one unknown country: the preview names row and column, the commit saves nothing; fixed, it saves every row', async () => {
      const header = ['Chinese name', 'English name', 'Country', 'Media type'];
      const rows: string[][] = Array.from({ length: 2000 }, (_, i) => [
        `导入媒体${i}`,
        `Imported Outlet ${i}`,
        i % 2 ? 'Malaysia' : 'SG',
        'online',
      ]);
      rows[1515] = ['导入媒体1515', 'Imported Outlet 1515', 'Atlantis', 'online']; // sheet row 1,517
      const before = await counts();
      const table = await tableOf(await xlsxOf([header, ...rows]));
      const mapping = guessMapping('outlets', table.header);
      const preview = await previewImport(db(), org, 'outlets', table, mapping);
      expect(preview.checked.problems).toEqual([
        { row: 1517, column: 'C (Country)', field: 'country', reason: 'unknownCountry' },
      ]);
      const refused = await commitImport(db(), org, { kind: 'outlets', table, mapping, ip });
      expect(refused.ok).toBe(false);
      expect(await counts()).toEqual(before);

      rows[1515] = ['导入媒体1515', 'Imported Outlet 1515', 'Malaysia', 'online'];
      const fixed = await run('outlets', await xlsxOf([header, ...rows]));
      expect(fixed.result).toMatchObject({ ok: true, create: 2000, update: 0 });
      expect((await counts()).outlets).toBe((before.outlets ?? 0) + 2000);
      // The mapping is remembered for the next file.
      expect(await querySavedMapping(db(), organizer.userId, 'outlets')).toMatchObject({
        country: 'Country',
      });
    });

    it("writing the tour's outlets and delegates to XLSX and importing that file again changes nothing", async () => {
      const outletRows = await db()
        .select()
        .from(s.outlets)
        .where(and(eq(s.outlets.tourId, tourId), isNull(s.outlets.archivedAt)));
      const outletFile = await xlsxOf([
        ['name_zh', 'name_en', 'country', 'media_type', 'website'],
        ...outletRows.map((o) => [o.nameZh, o.nameEn, o.countryCode, o.mediaType, o.website ?? '']),
      ]);
      const byId = new Map(outletRows.map((o) => [o.id, o]));
      const people = await db()
        .select()
        .from(s.delegates)
        .where(and(eq(s.delegates.tourId, tourId), isNull(s.delegates.archivedAt)));
      const tz = demoData.tour.timeZone ?? 'Asia/Shanghai';
      const local = (d: Date | null) => (d ? `${dateKeyOf(d, tz)} ${formatTime(d, tz)}` : '');
      const delegateFile = await xlsxOf([
        [
          'outlet',
          'passport_name',
          'name_zh',
          'name_en',
          'role',
          'sex',
          'phone',
          'email',
          'press_card',
          'dietary_needs',
          'access_needs',
          'arrives_at',
          'departs_at',
          'passport_number',
          'nationality',
        ],
        ...people.map((d) => [
          byId.get(d.outletId)?.nameEn ?? '',
          d.passportName,
          d.nameZh ?? '',
          d.nameEn ?? '',
          d.role,
          d.sex ?? '',
          d.phone ?? '',
          d.email ?? '',
          d.pressCard ?? '',
          d.dietaryNeeds ?? '',
          d.accessNeeds ?? '',
          local(d.arrivesAt),
          local(d.departsAt),
          d.passportNumberEnc ? (decryptPassport(d.passportNumberEnc) ?? '') : '',
          d.nationality ?? '',
        ]),
      ]);
      const snapshot = async () =>
        JSON.stringify([
          await db()
            .select()
            .from(s.outlets)
            .where(eq(s.outlets.tourId, tourId))
            .orderBy(s.outlets.id),
          (
            await db()
              .select()
              .from(s.delegates)
              .where(eq(s.delegates.tourId, tourId))
              .orderBy(s.delegates.id)
          ).map(({ passportNumberEnc, ...d }) => ({
            ...d,
            passport: passportNumberEnc ? decryptPassport(passportNumberEnc) : null,
          })),
        ]);
      const before = await snapshot();
      const o = await run('outlets', outletFile);
      expect(o.result).toMatchObject({
        ok: true,
        create: 0,
        update: 0,
        unchanged: outletRows.length,
      });
      const d = await run('delegates', delegateFile);
      expect(d.result).toMatchObject({ ok: true, create: 0, update: 0, unchanged: people.length });
      expect(await snapshot()).toBe(before);
    });

    it('a CSV in GB18030 and one in UTF-8 with a byte-order mark import the same Chinese names; delegates matched by name are updated', async () => {
      const outlet = demoData.outlets[0];
      if (!outlet) throw new Error('no outlet');
      const csv = `媒体,护照姓名,中文姓名,英文姓名,护照号码\r\n${outlet.nameZh},ZHANG SAN,张三丰,Zhang Sanfeng,P1234567\r\n${outlet.nameEn},LI SI,李四,Li Si,\r\n`;
      // Node's TextDecoder reads GB18030; to write it, a small table of the characters used.
      const gbBytes = encodeGb18030(csv);
      const bomBytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
      const a = await tableOf(gbBytes);
      const b = await tableOf(bomBytes);
      expect(a.encoding).toBe('gb18030');
      expect(b.encoding).toBe('utf-8');
      expect(a.header).toEqual(b.header);
      expect(a.rows).toEqual(b.rows);
      expect(a.rows[0]?.cells[2]).toBe('张三丰');
      const first = await run('delegates', bomBytes);
      expect(first.result).toMatchObject({ ok: true, create: 2 });
      const second = await run('delegates', gbBytes);
      expect(second.result).toMatchObject({ ok: true, create: 0, unchanged: 2 });
      const [zhang] = await db()
        .select()
        .from(s.delegates)
        .where(and(eq(s.delegates.tourId, tourId), eq(s.delegates.passportName, 'ZHANG SAN')));
      expect(zhang?.nameZh).toBe('张三丰');
      expect(zhang?.passportNumberEnc).not.toContain('P1234567');
      expect(decryptPassport(zhang?.passportNumberEnc ?? '')).toBe('P1234567');
    });

    it('refuses formulas, duplicate rows and a 10,000-character name, listing each by row and column, and saves nothing', async () => {
      const before = await counts();
      const file = await xlsxOf([
        ['name_zh', 'name_en', 'country', 'media_type'],
        ['甲', 'Alpha Daily', 'MY', 'online'],
        ['乙', 'Alpha Daily', 'MY', 'online'],
        ['丙', { formula: '1+1' }, 'MY', 'online'],
        ['丁', 'x'.repeat(10_000), 'MY', 'online'],
      ]);
      const { result } = await run('outlets', file);
      if (result.ok) throw new Error('accepted');
      expect(
        result.plan.checked.problems.map((p) => `${p.row} ${p.column} ${p.reason}`).sort(),
      ).toEqual([
        '3 B (name_en) duplicate',
        '4 B (name_en) formula',
        '4 B (name_en) required',
        '5 B (name_en) tooLong',
      ]);
      expect(await counts()).toEqual(before);
    });
  });
}

/** GB18030 for the few characters these tests use (ASCII stays as it is). */
function encodeGb18030(text: string): Uint8Array {
  const out: number[] = [];
  const decoder = new TextDecoder('gb18030');
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    out.push(...gbBytesOf(ch, decoder));
  }
  return new Uint8Array(out);
}

const gbCache = new Map<string, number[]>();
function gbBytesOf(ch: string, decoder: TextDecoder): number[] {
  const hit = gbCache.get(ch);
  if (hit) return hit;
  // Search the two-byte GBK range (every common Chinese character lives there).
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      if (decoder.decode(new Uint8Array([lead, trail])) === ch) {
        gbCache.set(ch, [lead, trail]);
        return [lead, trail];
      }
    }
  }
  throw new Error(`no GB18030 bytes for ${ch}`);
}
