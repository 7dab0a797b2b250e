import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { countries, delegates, groupMembers, groups, outlets } from '@/db/schema';
import {
  canReadDelegate,
  canSeeSensitive,
  canWorkOnTour,
  type Viewer,
} from '@/lib/auth/permissions';

const publicColumns = {
  id: delegates.id,
  nameZh: delegates.nameZh,
  nameEn: delegates.nameEn,
  role: delegates.role,
  outletZh: outlets.nameZh,
  outletEn: outlets.nameEn,
  groupCode: groups.code,
};
const contactColumns = {
  phone: delegates.phone,
  email: delegates.email,
  passportName: delegates.passportName,
  dietaryNeeds: delegates.dietaryNeeds,
  accessNeeds: delegates.accessNeeds,
  emergencyContactName: delegates.emergencyContactName,
  emergencyContactPhone: delegates.emergencyContactPhone,
};
// Never selected unless the viewer may see them: what is not read cannot leak into a page.
const sensitiveColumns = {
  passportNumber: delegates.passportNumber,
  nationalityZh: countries.nameZh,
  nationalityEn: countries.nameEn,
  dateOfBirth: delegates.dateOfBirth,
};

type Sensitive = { [K in keyof typeof sensitiveColumns]?: string | null };

function columnsFor(viewer: Viewer, tourId: string, selfOnly: boolean) {
  return {
    ...publicColumns,
    ...(selfOnly || canWorkOnTour(viewer, tourId) ? contactColumns : {}),
    ...(canSeeSensitive(viewer) ? sensitiveColumns : {}),
  };
}

function fromDelegates(db: Db, columns: ReturnType<typeof columnsFor>) {
  return db
    .select(columns)
    .from(delegates)
    .innerJoin(
      outlets,
      and(eq(outlets.id, delegates.outletId), eq(outlets.tourId, delegates.tourId)),
    )
    .leftJoin(groupMembers, eq(groupMembers.delegateId, delegates.id))
    .leftJoin(groups, eq(groups.id, groupMembers.groupId))
    .leftJoin(countries, eq(countries.code, delegates.nationality));
}

// The columns vary with the viewer, so the row type marks the optional ones optional.
export type DelegateRow = {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  role: (typeof delegates.$inferSelect)['role'];
  outletZh: string;
  outletEn: string;
  groupCode: string | null;
} & Partial<Record<keyof typeof contactColumns, string | null>> &
  Sensitive;

/** The tour's delegates for its staff; passport data only for organizers. */
export async function queryDelegates(db: Db, viewer: Viewer, { tourId }: { tourId: string }) {
  if (!canWorkOnTour(viewer, tourId)) return null;
  const rows = await fromDelegates(db, columnsFor(viewer, tourId, false))
    .where(eq(delegates.tourId, tourId))
    .orderBy(asc(outlets.nameEn), asc(delegates.nameEn));
  return rows as DelegateRow[];
}

/** One delegate, for the tour's staff or the delegate themself; null (a 404) for anyone else. */
export async function queryDelegate(
  db: Db,
  viewer: Viewer,
  { tourId, delegateId }: { tourId: string; delegateId: string },
) {
  if (!canReadDelegate(viewer, tourId, delegateId)) return null;
  const [row] = await fromDelegates(db, columnsFor(viewer, tourId, true)).where(
    and(eq(delegates.tourId, tourId), eq(delegates.id, delegateId)),
  );
  return (row as DelegateRow | undefined) ?? null;
}

export async function getDelegates(viewer: Viewer, tourId: string) {
  return queryDelegates(await getDb(), viewer, { tourId });
}
export async function getDelegate(viewer: Viewer, tourId: string, delegateId: string) {
  return queryDelegate(await getDb(), viewer, { tourId, delegateId });
}
