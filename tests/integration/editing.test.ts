import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import * as s from '../../db/schema';
import { seedDemoTour } from '../../db/seed';
import { demoData } from '../../db/seed/demo-data';
import { hashPassword } from '../../lib/auth/password';
import type { Role, Viewer } from '../../lib/auth/permissions';
import { decryptPassport } from '../../lib/crypto/passport';
import {
  archiveDelegate,
  deleteDelegate,
  moveDelegatesToGroup,
  queryGroupsForEdit,
  saveDelegate,
  saveGroup,
} from '../../lib/dal/editing/delegates';
import {
  archiveOutlet,
  assignThemeToOutlets,
  deleteOutlet,
  queryCoverage,
  saveOutlet,
  saveTheme,
  setOutletTheme,
} from '../../lib/dal/editing/outlets';
import { deleteSite, saveCity, saveSite, setTravelTime } from '../../lib/dal/editing/reference';
import { createTour, setTourArchived, updateTour } from '../../lib/dal/editing/tours';
import { type TourScope, tourScope } from '../../lib/dal/scope';
import { createSession } from '../../lib/dal/sessions';
import {
  createTourSchema,
  saveDelegateSchema,
  saveOutletSchema,
  saveSiteSchema,
} from '../../lib/validation/editing';
import { describeIssues } from '../../lib/validation/issues';
import { testDatabases } from './databases';
import { rowsOf } from './helpers';

const settings = {
  nameZh: '测试团',
  nameEn: 'Test tour',
  startDate: '2026-05-01',
  endDate: '2026-05-10',
  timeZone: 'Asia/Shanghai',
  transferBufferMinutes: 45,
  maxDayMinutes: 660,
  minRestMinutes: 540,
  lunchStart: '12:00',
  lunchEnd: '13:30',
  dinnerStart: '18:00',
  dinnerEnd: '20:00',
  maxThemesPerOutlet: 2,
};

function fieldsOf(result: { success: boolean; error?: { issues: unknown[] } }) {
  if (result.success) return [];
  return describeIssues(result.error?.issues as never).fields.map((f) => `${f.field}:${f.key}`);
}

describe('editing schemas name the field at fault', () => {
  it('refuses a tour whose end comes before its start, naming the end date', () => {
    const r = createTourSchema.strict().safeParse({ ...settings, endDate: '2026-04-01' });
    expect(fieldsOf(r)).toEqual(['endDate:endsBeforeStart']);
  });
  it('refuses a 10,000-character name, a bad country and a control character', () => {
    const r = saveOutletSchema.strict().safeParse({
      tourId: '00000000-0000-4000-8000-000000000000',
      nameZh: 'x'.repeat(10_000),
      nameEn: 'A\u0000B',
      countryCode: 'Malaysia',
      mediaType: 'online',
    });
    expect(fieldsOf(r).sort()).toEqual([
      'countryCode:choice',
      'nameEn:controlChars',
      'nameZh:tooLong',
    ]);
  });
  it('refuses a malformed passport number and arrival', () => {
    const r = saveDelegateSchema.strict().safeParse({
      tourId: '00000000-0000-4000-8000-000000000000',
      outletId: '00000000-0000-4000-8000-000000000000',
      passportName: 'LI WEI',
      role: 'journalist',
      passportNumber: 'E1 23',
      arrivesAt: 'tomorrow',
    });
    expect(
      fieldsOf(r)
        .map((f) => f.split(':')[0])
        .sort(),
    ).toEqual(['arrivesAt', 'passportNumber']);
  });
  it('refuses a site open at one end only and closures that are not dates', () => {
    const r = saveSiteSchema.strict().safeParse({
      cityId: '00000000-0000-4000-8000-000000000000',
      nameZh: '馆',
      nameEn: 'Museum',
      opensAt: '09:00',
      closesAt: '',
      closedWeekdays: ['1'],
      closures: '2026-05-02 holiday\nnext friday',
    });
    expect(
      fieldsOf(r)
        .map((f) => f.split(':')[0])
        .sort(),
    ).toEqual(['closesAt', 'closures']);
  });
});

for (const target of testDatabases()) {
  describe(`editing on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let tourId: string;
    let otherTourId: string;
    let organizer: Viewer;
    let coordinator: Viewer;
    let org: TourScope;
    let coord: TourScope;
    let otherOrg: TourScope;
    const db = () => handle.db;
    const ip = '203.0.113.7';

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
        staffTourIds: role === 'coordinator' ? [tourId] : [],
        tourId: null,
        delegateId: null,
      };
    }

    /** A digest of every table but the audit log: a refusal changes none of them. */
    async function fingerprint() {
      const tables = [
        'tours',
        'outlets',
        'delegates',
        'groups',
        'group_members',
        'coverage_themes',
        'outlet_themes',
        'cities',
        'sites',
        'site_closures',
        'travel_times',
      ];
      const parts = await Promise.all(
        tables.map(async (t) => {
          const res = await db().execute(
            sql.raw(
              `select count(*)::text || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from "${t}" x`,
            ),
          );
          return rowsOf<{ d: string }>(res)[0]?.d;
        }),
      );
      return parts.join(',');
    }

    async function auditCount(action: string) {
      const [row] = await db()
        .select({ n: count() })
        .from(s.auditLog)
        .where(eq(s.auditLog.action, action));
      return row?.n ?? 0;
    }

    async function firstOutlet(id: string) {
      const [o] = await db()
        .select({ id: s.outlets.id })
        .from(s.outlets)
        .where(eq(s.outlets.tourId, id))
        .limit(1);
      if (!o) throw new Error('no outlet');
      return o.id;
    }

    beforeAll(async () => {
      handle = await target.open();
      await handle.migrate();
      ({ tourId } = await seedDemoTour(handle.db));
      ({ tourId: otherTourId } = await seedDemoTour(handle.db, {
        ...demoData,
        tour: { ...demoData.tour, nameEn: `${demoData.tour.nameEn} (other)` },
      }));
      organizer = await insertUser('org-edit@example.com', 'organizer');
      coordinator = await insertUser('coord-edit@example.com', 'coordinator');
      org = tourScope(organizer, tourId) as TourScope;
      coord = tourScope(coordinator, tourId) as TourScope;
      otherOrg = tourScope(organizer, otherTourId) as TourScope;
    });

    afterAll(async () => {
      await handle?.close();
      await target.cleanup();
    });

    it('an organizer creates a tour with its settings, audited; a coordinator may not', async () => {
      const refused = await createTour(db(), coordinator, { ...settings, ip });
      expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
      const created = await createTour(db(), organizer, { ...settings, ip });
      if (!created.ok) throw new Error(created.reason);
      const [row] = await db().select().from(s.tours).where(eq(s.tours.id, created.data.id));
      expect(row).toMatchObject({
        nameEn: 'Test tour',
        transferBufferMinutes: 45,
        maxThemesPerOutlet: 2,
      });
      expect(row?.lunchStart.slice(0, 5)).toBe('12:00');
      expect(await auditCount('tour.created')).toBe(1);
      const again = await createTour(db(), organizer, { ...settings, ip });
      expect(again).toMatchObject({ ok: false, reason: 'nameTaken', field: 'nameEn' });
    });

    it("updates a tour's settings and archives it instead of deleting", async () => {
      const created = await createTour(db(), organizer, { ...settings, nameEn: 'To archive', ip });
      if (!created.ok) throw new Error(created.reason);
      const scope = tourScope(organizer, created.data.id) as TourScope;
      // Saving a tour under its own name is no conflict.
      const [demo] = await db().select().from(s.tours).where(eq(s.tours.id, tourId));
      const same = await updateTour(db(), tourScope(organizer, otherTourId) as TourScope, {
        ...settings,
        nameEn: `${demo?.nameEn} (other)`,
        nameZh: demo?.nameZh ?? '',
        ip,
      });
      // Dates that would leave the programme's visits outside are refused, naming the field.
      expect(same).toMatchObject({ ok: false, reason: 'visitsOutsideDates', field: 'startDate' });
      const kept = await updateTour(db(), tourScope(organizer, otherTourId) as TourScope, {
        ...settings,
        startDate: demo?.startDate ?? '',
        endDate: demo?.endDate ?? '',
        nameEn: `${demo?.nameEn} (other)`,
        nameZh: demo?.nameZh ?? '',
        ip,
      });
      expect(kept.ok).toBe(true);
      const updated = await updateTour(db(), scope, {
        ...settings,
        nameEn: 'Archived tour',
        dinnerEnd: '21:30',
        ip,
      });
      expect(updated.ok).toBe(true);
      // A coordinator of the demo tour may not archive it.
      expect(await setTourArchived(db(), coord, { archived: true, ip })).toMatchObject({
        ok: false,
      });
      expect((await setTourArchived(db(), scope, { archived: true, ip })).ok).toBe(true);
      const [row] = await db().select().from(s.tours).where(eq(s.tours.id, created.data.id));
      expect(row?.archivedAt).toBeInstanceOf(Date);
      expect(row?.dinnerEnd.slice(0, 5)).toBe('21:30');
    });

    it("creates and updates an outlet; another tour's outlet is refused and untouched", async () => {
      const created = await saveOutlet(db(), coord, {
        nameZh: '新报',
        nameEn: 'New Daily',
        countryCode: 'MY',
        mediaType: 'newspaper',
        website: null,
        ip,
      });
      if (!created.ok) throw new Error(created.reason);
      const [row] = await db().select().from(s.outlets).where(eq(s.outlets.id, created.data.id));
      expect(row).toMatchObject({
        tourId,
        nameEn: 'New Daily',
        searchText: expect.stringContaining('new daily'),
      });

      const foreign = await firstOutlet(otherTourId);
      const before = await fingerprint();
      const refused = await saveOutlet(db(), coord, {
        outletId: foreign,
        nameZh: '改',
        nameEn: 'Hijacked',
        countryCode: 'MY',
        mediaType: 'online',
        website: null,
        ip,
      });
      expect(refused).toMatchObject({ ok: false, code: 'not_found', field: 'outletId' });
      expect(await archiveOutlet(db(), coord, { id: foreign, ip })).toMatchObject({ ok: false });
      const unknownCountry = await saveOutlet(db(), coord, {
        nameZh: '某报',
        nameEn: 'Some Daily',
        countryCode: 'ZZ',
        mediaType: 'online',
        website: null,
        ip,
      });
      expect(unknownCountry).toMatchObject({ ok: false, field: 'countryCode' });
      expect(await fingerprint()).toBe(before);

      expect((await archiveOutlet(db(), coord, { id: created.data.id, ip })).ok).toBe(true);
    });

    it("keeps a passport number encrypted, lets only organizers set it, and refuses another tour's outlet", async () => {
      const outletId = await firstOutlet(tourId);
      const base = {
        outletId,
        nameZh: '王芳',
        nameEn: 'Wang Fang',
        passportName: 'WANG FANG',
        role: 'journalist' as const,
        sex: null,
        phone: null,
        email: null,
        pressCard: null,
        dietaryNeeds: null,
        accessNeeds: null,
        emergencyContactName: null,
        emergencyContactPhone: null,
        arrivesAt: '2025-07-18T09:30',
        departsAt: '2025-07-25T18:00',
        passportNumber: null,
        passportExpiry: null,
        nationality: null,
        dateOfBirth: null,
        ip,
      };
      const before = await fingerprint();
      expect(
        await saveDelegate(db(), coord, { ...base, passportNumber: 'E98765432' }),
      ).toMatchObject({
        ok: false,
        field: 'passportNumber',
      });
      expect(
        await saveDelegate(db(), org, { ...base, outletId: await firstOutlet(otherTourId) }),
      ).toMatchObject({
        ok: false,
        field: 'outletId',
      });
      expect(
        await saveDelegate(db(), org, { ...base, departsAt: '2025-07-17T09:00' }),
      ).toMatchObject({
        ok: false,
        field: 'departsAt',
      });
      expect(await fingerprint()).toBe(before);

      const created = await saveDelegate(db(), org, {
        ...base,
        passportNumber: 'E98765432',
        nationality: 'MY',
      });
      if (!created.ok) throw new Error(created.reason);
      // The raw table holds no plain number.
      const raw = await db().execute(
        sql`select passport_number_enc as p, arrives_at as a from delegates where id = ${created.data.id}`,
      );
      const rawRow = rowsOf<{ p: string }>(raw)[0];
      expect(rawRow?.p).not.toContain('E98765432');
      expect(decryptPassport(rawRow?.p ?? '')).toBe('E98765432');
      const [row] = await db()
        .select()
        .from(s.delegates)
        .where(eq(s.delegates.id, created.data.id));
      // Their own arrival, on the tour's clock (UTC+8).
      expect(row?.arrivesAt?.toISOString()).toBe('2025-07-18T01:30:00.000Z');

      // A coordinator's edit keeps the organizer's passport number and nationality.
      const edited = await saveDelegate(db(), coord, {
        ...base,
        delegateId: created.data.id,
        nameEn: 'Wang Fang (edited)',
      });
      expect(edited.ok).toBe(true);
      const [after] = await db()
        .select()
        .from(s.delegates)
        .where(eq(s.delegates.id, created.data.id));
      expect(after).toMatchObject({
        nameEn: 'Wang Fang (edited)',
        nationality: 'MY',
        passportNumberEnc: row?.passportNumberEnc,
      });

      // Another tour's scope cannot reach it.
      expect(
        await saveDelegate(db(), otherOrg, {
          ...base,
          delegateId: created.data.id,
          outletId: await firstOutlet(otherTourId),
        }),
      ).toMatchObject({ ok: false, code: 'not_found' });
      expect((await archiveDelegate(db(), org, { id: created.data.id, ip })).ok).toBe(true);
    });

    it("creates groups and moves delegates between them in bulk, refusing another tour's people", async () => {
      const group = await saveGroup(db(), coord, {
        code: 'Z',
        nameZh: 'Z组',
        nameEn: 'Group Z',
        vehicle: null,
        ip,
      });
      if (!group.ok) throw new Error(group.reason);
      expect(
        await saveGroup(db(), coord, {
          code: 'Z',
          nameZh: 'Z组',
          nameEn: 'Again',
          vehicle: null,
          ip,
        }),
      ).toMatchObject({ ok: false, field: 'code' });
      const people = await db()
        .select({ id: s.delegates.id })
        .from(s.delegates)
        .where(eq(s.delegates.tourId, tourId))
        .limit(3);
      const [foreign] = await db()
        .select({ id: s.delegates.id })
        .from(s.delegates)
        .where(eq(s.delegates.tourId, otherTourId))
        .limit(1);
      const before = await fingerprint();
      expect(
        await moveDelegatesToGroup(db(), coord, {
          groupId: group.data.id,
          delegateIds: [...people.map((p) => p.id), foreign?.id ?? ''],
          ip,
        }),
      ).toMatchObject({ ok: false, field: 'delegateIds' });
      const [otherGroup] = await db()
        .select({ id: s.groups.id })
        .from(s.groups)
        .where(eq(s.groups.tourId, otherTourId))
        .limit(1);
      expect(
        await moveDelegatesToGroup(db(), coord, {
          groupId: otherGroup?.id ?? null,
          delegateIds: people.map((p) => p.id),
          ip,
        }),
      ).toMatchObject({ ok: false, field: 'groupId' });
      expect(await fingerprint()).toBe(before);
      const moved = await moveDelegatesToGroup(db(), coord, {
        groupId: group.data.id,
        delegateIds: people.map((p) => p.id),
        ip,
      });
      expect(moved).toMatchObject({ ok: true, data: { moved: 3 } });
      const [members] = await db()
        .select({ n: count() })
        .from(s.groupMembers)
        .where(eq(s.groupMembers.groupId, group.data.id));
      expect(members?.n).toBe(3);
      // The groups page finds a group by code or name, and lists only the tour's own.
      const found = await queryGroupsForEdit(db(), coord, 'group z');
      expect(found.rows.map((g) => g.code)).toEqual(['Z']);
      const all = await queryGroupsForEdit(db(), coord);
      expect(all.more).toBe(false);
      expect(all.rows.map((g) => g.code)).toEqual(['A', 'B', 'C', 'Z']);
    });

    it("creates themes, toggles a cell and assigns a theme to several outlets; another tour's theme is refused", async () => {
      const theme = await saveTheme(db(), coord, { nameZh: '新主题', nameEn: 'New theme', ip });
      if (!theme.ok) throw new Error(theme.reason);
      const outletsOfTour = await db()
        .select({ id: s.outlets.id })
        .from(s.outlets)
        .where(eq(s.outlets.tourId, tourId))
        .limit(4);
      const ids = outletsOfTour.map((o) => o.id);
      const [foreignTheme] = await db()
        .select({ id: s.coverageThemes.id })
        .from(s.coverageThemes)
        .where(eq(s.coverageThemes.tourId, otherTourId))
        .limit(1);
      const before = await fingerprint();
      expect(
        await setOutletTheme(db(), coord, {
          outletId: ids[0] ?? '',
          themeId: foreignTheme?.id ?? '',
          on: true,
          ip,
        }),
      ).toMatchObject({ ok: false, field: 'themeId' });
      expect(
        await assignThemeToOutlets(db(), coord, {
          themeId: theme.data.id,
          outletIds: [...ids, await firstOutlet(otherTourId)],
          ip,
        }),
      ).toMatchObject({ ok: false, field: 'outletIds' });
      expect(await fingerprint()).toBe(before);
      expect(
        await assignThemeToOutlets(db(), coord, { themeId: theme.data.id, outletIds: ids, ip }),
      ).toMatchObject({ ok: true, data: { added: 4 } });
      expect(
        (
          await setOutletTheme(db(), coord, {
            outletId: ids[0] ?? '',
            themeId: theme.data.id,
            on: false,
            ip,
          })
        ).ok,
      ).toBe(true);
      const [n] = await db()
        .select({ n: count() })
        .from(s.outletThemes)
        .where(and(eq(s.outletThemes.themeId, theme.data.id)));
      expect(n?.n).toBe(3);

      // The matrix counts the theme's outlets and their regions over the whole tour, and warns
      // about outlets without a theme.
      const coverageBefore = await queryCoverage(db(), coord, 1);
      const lonely = await saveOutlet(db(), coord, {
        nameZh: '无主题报',
        nameEn: 'No Theme Times',
        countryCode: 'MY',
        mediaType: 'online',
        website: null,
        ip,
      });
      if (!lonely.ok) throw new Error(lonely.reason);
      const coverage = await queryCoverage(db(), coord, 1);
      const row = coverage.themes.find((t) => t.id === theme.data.id);
      expect(row?.outlets).toBe(3);
      expect(row?.regionsEn.length).toBeGreaterThan(0);
      expect(coverage.outletWarnings.noTheme).toBe(coverageBefore.outletWarnings.noTheme + 1);
      expect(coverage.total).toBe(coverageBefore.total + 1);
    });

    it("deletes only what nothing depends on, naming what does; another tour's rows are refused", async () => {
      const outletWithPeople = await firstOutlet(tourId);
      const before = await fingerprint();
      expect(await deleteOutlet(db(), coord, { id: outletWithPeople, ip })).toMatchObject({
        ok: false,
        reason: 'hasDependents',
        values: { delegates: expect.any(Number) },
      });
      const [linked] = await db()
        .select({ id: s.users.delegateId })
        .from(s.users)
        .where(and(eq(s.users.tourId, tourId), sql`${s.users.delegateId} is not null`))
        .limit(1);
      if (linked?.id) {
        expect(await deleteDelegate(db(), coord, { id: linked.id, ip })).toMatchObject({
          ok: false,
          values: { accounts: 1 },
        });
      }
      const [visited] = await db()
        .select({ id: s.visits.siteId })
        .from(s.visits)
        .where(sql`${s.visits.siteId} is not null`)
        .limit(1);
      expect(await deleteSite(db(), coordinator, { siteId: visited?.id ?? '', ip })).toMatchObject({
        ok: false,
        values: { visits: expect.any(Number) },
      });
      expect(await deleteOutlet(db(), otherOrg, { id: outletWithPeople, ip })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      expect(await fingerprint()).toBe(before);

      const fresh = await saveOutlet(db(), coord, {
        nameZh: '待删报',
        nameEn: 'To Delete',
        countryCode: 'MY',
        mediaType: 'online',
        website: null,
        ip,
      });
      if (!fresh.ok) throw new Error(fresh.reason);
      expect((await deleteOutlet(db(), coord, { id: fresh.data.id, ip })).ok).toBe(true);
      const [gone] = await db()
        .select({ n: count() })
        .from(s.outlets)
        .where(eq(s.outlets.id, fresh.data.id));
      expect(gone?.n).toBe(0);
    });

    it('keeps cities, sites with hours and closures, and travel times stored once per pair', async () => {
      const city = await saveCity(db(), coordinator, {
        code: 'zigong2',
        nameZh: '自贡二',
        nameEn: 'Zigong Two',
        provinceZh: '四川省',
        provinceEn: 'Sichuan',
        ip,
      });
      if (!city.ok) throw new Error(city.reason);
      expect(
        await saveCity(db(), coordinator, {
          code: 'zigong2',
          nameZh: 'x',
          nameEn: 'x',
          provinceZh: 'x',
          provinceEn: 'x',
          ip,
        }),
      ).toMatchObject({ ok: false, field: 'code' });
      const site = await saveSite(db(), coordinator, {
        cityId: city.data.id,
        nameZh: '灯会',
        nameEn: 'Lantern park',
        addressZh: null,
        addressEn: null,
        capacity: 80,
        hostContactName: null,
        hostContactPhone: null,
        hostContactEmail: null,
        opensAt: '09:00',
        closesAt: '17:30',
        closedWeekdays: [1, 1],
        closures: '2026-05-04 Holiday\n2026-05-05',
        ip,
      });
      if (!site.ok) throw new Error(site.reason);
      const [row] = await db().select().from(s.sites).where(eq(s.sites.id, site.data.id));
      expect(row).toMatchObject({ closedWeekdays: [1], capacity: 80 });
      const closures = await db()
        .select()
        .from(s.siteClosures)
        .where(eq(s.siteClosures.siteId, site.data.id));
      expect(closures.map((c) => c.date).sort()).toEqual(['2026-05-04', '2026-05-05']);
      const [chengdu] = await db()
        .select({ id: s.cities.id })
        .from(s.cities)
        .where(eq(s.cities.code, demoData.cities[0]?.code ?? ''));
      const a = chengdu?.id ?? '';
      expect(
        (
          await setTravelTime(db(), coordinator, {
            fromCityId: city.data.id,
            toCityId: a,
            minutes: 120,
            ip,
          })
        ).ok,
      ).toBe(true);
      expect(
        (
          await setTravelTime(db(), coordinator, {
            fromCityId: a,
            toCityId: city.data.id,
            minutes: 110,
            ip,
          })
        ).ok,
      ).toBe(true);
      const pairs = await db()
        .select()
        .from(s.travelTimes)
        .where(
          sql`${s.travelTimes.cityAId} = ${city.data.id} or ${s.travelTimes.cityBId} = ${city.data.id}`,
        );
      expect(pairs).toHaveLength(1);
      expect(pairs[0]?.minutes).toBe(110);
      const journalist = await insertUser('j-edit@example.com', 'journalist').catch(() => null);
      expect(journalist).toBeNull(); // a journalist without a delegate cannot exist: the check holds
    });
  });
}
