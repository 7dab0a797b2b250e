import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { countries, delegates, importMappings, outlets, tours } from '@/db/schema';
import { canSeeSensitive } from '@/lib/auth/permissions';
import { decryptPassport, encryptPassport } from '@/lib/crypto/passport';
import type { Table } from '@/lib/import/read';
import {
  type Checked,
  checkRows,
  type DelegateRow,
  type ImportKind,
  type Mapping,
  type OutletRow,
  type Reference,
} from '@/lib/import/rows';
import { searchTextOf } from '@/lib/search';
import { dateKeyOf, formatTime, zonedInstant } from '@/lib/time';
import type { TourScope } from '../scope';
import { audit, type Origin } from './common';

// Import: the same check for the preview and the commit; the commit re-reads the tour inside its
// one transaction and writes every row or none. Rows matched by name update what is there (and
// a row that would change nothing is left alone), the rest are created.

export async function loadReference(db: Db, scope: TourScope): Promise<Reference> {
  const [countryRows, outletRows, delegateRows] = await Promise.all([
    db
      .select({ code: countries.code, nameZh: countries.nameZh, nameEn: countries.nameEn })
      .from(countries),
    db
      .select({ id: outlets.id, nameZh: outlets.nameZh, nameEn: outlets.nameEn })
      .from(outlets)
      .where(and(eq(outlets.tourId, scope.tourId), isNull(outlets.archivedAt))),
    db
      .select({
        id: delegates.id,
        passportName: delegates.passportName,
        outletId: delegates.outletId,
      })
      .from(delegates)
      .where(and(eq(delegates.tourId, scope.tourId), isNull(delegates.archivedAt))),
  ]);
  return {
    countries: countryRows,
    outlets: outletRows,
    delegates: delegateRows,
    sensitive: canSeeSensitive(scope.viewer),
  };
}

export interface Plan {
  checked: Checked;
  create: number;
  update: number;
  unchanged: number;
  /** Row numbers that would change something, and how. */
  actions: Map<number, 'create' | 'update' | 'unchanged'>;
}

async function timeZoneOf(db: Db, scope: TourScope) {
  const [row] = await db
    .select({ tz: tours.timeZone })
    .from(tours)
    .where(eq(tours.id, scope.tourId));
  return row?.tz ?? 'Asia/Shanghai';
}

const localOf = (d: Date | null, tz: string) =>
  d ? `${dateKeyOf(d, tz)}T${formatTime(d, tz)}` : null;

/** Works out, row by row, whether it creates, updates or leaves alone. */
async function plan(
  db: Db,
  scope: TourScope,
  kind: ImportKind,
  table: Table,
  mapping: Mapping,
): Promise<Plan> {
  const ref = await loadReference(db, scope);
  const checked = checkRows(kind, table, mapping, ref);
  const actions = new Map<number, 'create' | 'update' | 'unchanged'>();
  if (checked.kind === 'outlets') {
    const ids = checked.rows.flatMap((r) => (r.existingId ? [r.existingId] : []));
    const existing = ids.length
      ? await db
          .select({
            id: outlets.id,
            nameZh: outlets.nameZh,
            nameEn: outlets.nameEn,
            countryCode: outlets.countryCode,
            mediaType: outlets.mediaType,
            website: outlets.website,
          })
          .from(outlets)
          .where(and(eq(outlets.tourId, scope.tourId), inArray(outlets.id, ids)))
      : [];
    const byId = new Map(existing.map((e) => [e.id, e]));
    for (const r of checked.rows) {
      const e = r.existingId ? byId.get(r.existingId) : undefined;
      if (!e) actions.set(r.row, 'create');
      else {
        const same = (Object.keys(r.values) as (keyof OutletRow['values'])[]).every(
          (k) => (e[k] ?? null) === (r.values[k] ?? null),
        );
        actions.set(r.row, same ? 'unchanged' : 'update');
      }
    }
  } else {
    const tz = await timeZoneOf(db, scope);
    const ids = checked.rows.flatMap((r) => (r.existingId ? [r.existingId] : []));
    const existing = ids.length
      ? await db
          .select()
          .from(delegates)
          .where(and(eq(delegates.tourId, scope.tourId), inArray(delegates.id, ids)))
      : [];
    const byId = new Map(existing.map((e) => [e.id, e]));
    for (const r of checked.rows) {
      const e = r.existingId ? byId.get(r.existingId) : undefined;
      if (!e) {
        actions.set(r.row, 'create');
        continue;
      }
      const current: Record<string, unknown> = {
        ...e,
        arrivesAt: localOf(e.arrivesAt, tz),
        departsAt: localOf(e.departsAt, tz),
      };
      let same = (Object.keys(r.values) as (keyof DelegateRow['values'])[]).every(
        (k) => (current[k] ?? null) === (r.values[k] ?? null),
      );
      if (ref.sensitive) {
        const s = r.sensitive;
        if (
          s.passportNumber &&
          s.passportNumber !== (e.passportNumberEnc ? decryptPassport(e.passportNumberEnc) : null)
        )
          same = false;
        if (s.passportExpiry && s.passportExpiry !== e.passportExpiry) same = false;
        if (s.nationality && s.nationality !== e.nationality) same = false;
        if (s.dateOfBirth && s.dateOfBirth !== e.dateOfBirth) same = false;
      }
      actions.set(r.row, same ? 'unchanged' : 'update');
    }
  }
  const count = (a: string) => [...actions.values()].filter((v) => v === a).length;
  return {
    checked,
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
    actions,
  };
}

export async function previewImport(
  db: Db,
  scope: TourScope,
  kind: ImportKind,
  table: Table,
  mapping: Mapping,
) {
  return plan(db, scope, kind, table, mapping);
}

export type CommitResult =
  | { ok: true; create: number; update: number; unchanged: number }
  | { ok: false; plan: Plan };

/** Every row in one transaction, or none: any problem and nothing is written. */
export async function commitImport(
  db: Db,
  scope: TourScope,
  input: { kind: ImportKind; table: Table; mapping: Mapping } & Origin,
): Promise<CommitResult> {
  const { kind, table, mapping } = input;
  return db.transaction(async (tx) => {
    const p = await plan(tx, scope, kind, table, mapping);
    if (p.checked.problems.length > 0) return { ok: false as const, plan: p };
    const tourId = scope.tourId;
    if (p.checked.kind === 'outlets') {
      const creates = p.checked.rows.filter((r) => p.actions.get(r.row) === 'create');
      for (let i = 0; i < creates.length; i += 500) {
        await tx.insert(outlets).values(
          creates.slice(i, i + 500).map((r) => ({
            ...r.values,
            tourId,
            searchText: searchTextOf(r.values.nameZh, r.values.nameEn),
          })),
        );
      }
      for (const r of p.checked.rows) {
        if (p.actions.get(r.row) !== 'update' || !r.existingId) continue;
        await tx
          .update(outlets)
          .set({ ...r.values, searchText: searchTextOf(r.values.nameZh, r.values.nameEn) })
          .where(and(eq(outlets.tourId, tourId), eq(outlets.id, r.existingId)));
      }
    } else {
      const tz = await timeZoneOf(tx, scope);
      const sensitive = canSeeSensitive(scope.viewer);
      const instant = (v: string | null) =>
        v ? zonedInstant(v.slice(0, 10), v.slice(11, 16), tz) : null;
      const valuesOf = (r: DelegateRow) => ({
        ...r.values,
        arrivesAt: instant(r.values.arrivesAt),
        departsAt: instant(r.values.departsAt),
        searchText: searchTextOf(
          r.values.nameZh,
          r.values.nameEn,
          r.values.passportName,
          r.values.email,
        ),
        updatedAt: new Date(),
        ...(sensitive
          ? {
              ...(r.sensitive.passportNumber
                ? { passportNumberEnc: encryptPassport(r.sensitive.passportNumber) }
                : {}),
              ...(r.sensitive.passportExpiry ? { passportExpiry: r.sensitive.passportExpiry } : {}),
              ...(r.sensitive.nationality ? { nationality: r.sensitive.nationality } : {}),
              ...(r.sensitive.dateOfBirth ? { dateOfBirth: r.sensitive.dateOfBirth } : {}),
            }
          : {}),
      });
      const creates = p.checked.rows.filter((r) => p.actions.get(r.row) === 'create');
      for (let i = 0; i < creates.length; i += 500) {
        await tx
          .insert(delegates)
          .values(creates.slice(i, i + 500).map((r) => ({ ...valuesOf(r), tourId })));
      }
      for (const r of p.checked.rows) {
        if (p.actions.get(r.row) !== 'update' || !r.existingId) continue;
        await tx
          .update(delegates)
          .set(valuesOf(r))
          .where(and(eq(delegates.tourId, tourId), eq(delegates.id, r.existingId)));
      }
    }
    await saveMapping(tx, scope.viewer.userId, kind, mapping);
    await audit(tx, scope.viewer, input, {
      action: `import.${kind}`,
      tourId,
      target: kind,
      detail: {
        format: table.format,
        rows: table.rows.length,
        create: p.create,
        update: p.update,
        unchanged: p.unchanged,
      },
    });
    return { ok: true as const, create: p.create, update: p.update, unchanged: p.unchanged };
  });
}

export async function saveMapping(db: Db, userId: string, kind: ImportKind, mapping: Mapping) {
  await db
    .insert(importMappings)
    .values({ userId, kind, mapping, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [importMappings.userId, importMappings.kind],
      set: { mapping, updatedAt: new Date() },
    });
}

export async function querySavedMapping(
  db: Db,
  userId: string,
  kind: ImportKind,
): Promise<Mapping> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.userId, userId), eq(importMappings.kind, kind)));
  const m = row?.mapping;
  if (!m || typeof m !== 'object' || Array.isArray(m)) return {};
  return Object.fromEntries(
    Object.entries(m as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}
