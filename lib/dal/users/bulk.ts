import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { tours, users } from '@/db/schema';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/permissions';
import { searchTextOf } from '@/lib/search';
import {
  assertCanManageUsers,
  audit,
  done,
  type Origin,
  refuse,
  type UserAdminResult,
} from './common';
import { queryDelegatesWithoutAccount } from './without-account';

const emailSchema = z.email().max(254);

export interface BulkAccountRow {
  delegateId: string;
  nameZh: string | null;
  nameEn: string | null;
  outletZh: string;
  outletEn: string;
  email: string | null;
}

export interface BulkAccountsResult {
  tour: { id: string; nameZh: string; nameEn: string };
  /** Passwords shown once; only their hashes are stored. */
  created: (BulkAccountRow & { email: string; password: string })[];
  skipped: (BulkAccountRow & { reason: 'noEmail' | 'invalidEmail' | 'emailTaken' })[];
}

/**
 * A journalist account for every delegate of the tour who has none and has a usable email, in
 * one transaction. Delegates without an email, or whose email already signs in another
 * account, are reported rather than created.
 */
export async function createAccountsForTour(
  db: Db,
  viewer: Viewer,
  input: { tourId: string } & Origin,
): Promise<UserAdminResult<BulkAccountsResult>> {
  assertCanManageUsers(viewer);
  return db.transaction(async (tx) => {
    const [tour] = await tx
      .select({ id: tours.id, nameZh: tours.nameZh, nameEn: tours.nameEn })
      .from(tours)
      .where(eq(tours.id, input.tourId));
    if (!tour) return refuse('not_found', 'tourNotFound', 'tourId');

    const candidates = await queryDelegatesWithoutAccount(tx, { tourId: tour.id });
    const emails = [
      ...new Set(candidates.flatMap((d) => (d.email ? [d.email.toLowerCase()] : []))),
    ];
    const taken = new Set(
      emails.length
        ? (
            await tx
              .select({ email: sql<string>`lower(${users.email})` })
              .from(users)
              .where(inArray(sql`lower(${users.email})`, emails))
          ).map((r) => r.email)
        : [],
    );

    const toCreate: (BulkAccountRow & { email: string; displayName: string })[] = [];
    const skipped: BulkAccountsResult['skipped'] = [];
    for (const d of candidates) {
      const row: BulkAccountRow = {
        delegateId: d.id,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        outletZh: d.outletZh,
        outletEn: d.outletEn,
        email: d.email,
      };
      const email = d.email?.toLowerCase();
      if (!email) skipped.push({ ...row, reason: 'noEmail' });
      else if (!emailSchema.safeParse(email).success)
        skipped.push({ ...row, reason: 'invalidEmail' });
      else if (taken.has(email)) skipped.push({ ...row, reason: 'emailTaken' });
      else {
        taken.add(email); // two delegates sharing one address: the first gets it
        toCreate.push({ ...row, email, displayName: d.nameEn ?? d.nameZh ?? email });
      }
    }

    const prepared = await Promise.all(
      toCreate.map(async ({ displayName, ...row }) => {
        const password = generatePassword();
        return { row, displayName, password, passwordHash: await hashPassword(password) };
      }),
    );
    const inserted = prepared.length
      ? await tx
          .insert(users)
          .values(
            prepared.map((p) => ({
              email: p.row.email,
              displayName: p.displayName,
              passwordHash: p.passwordHash,
              role: 'journalist' as const,
              tourId: tour.id,
              delegateId: p.row.delegateId,
              searchText: searchTextOf(p.row.email, p.displayName),
            })),
          )
          .onConflictDoNothing()
          .returning({ delegateId: users.delegateId })
      : [];
    const insertedIds = new Set(inserted.map((r) => r.delegateId));

    const created: BulkAccountsResult['created'] = [];
    for (const { row, password } of prepared) {
      if (insertedIds.has(row.delegateId)) created.push({ ...row, password });
      else skipped.push({ ...row, reason: 'emailTaken' }); // taken between our read and insert
    }

    await audit(tx, viewer, input, {
      action: 'accounts.bulk_created',
      tourId: tour.id,
      target: tour.nameEn,
      detail: {
        count: created.length,
        skipped: skipped.length,
        ...(skipped.length ? { skippedDelegateIds: skipped.map((s) => s.delegateId) } : {}),
      },
    });
    return done({ tour, created, skipped });
  });
}
