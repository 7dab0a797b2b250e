import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { delegates, outlets, users } from '@/db/schema';
import { likePattern, searchWords } from '@/lib/search';

/**
 * Delegates of one tour who have no account yet, optionally matching a search (names in any
 * script, or the outlet). Callers check the viewer: the picker (20 at a time) and the bulk
 * creation (all of them).
 */
export async function queryDelegatesWithoutAccount(
  db: Pick<Db, 'select'>,
  { tourId, q, limit }: { tourId: string; q?: string | undefined; limit?: number },
) {
  const query = db
    .select({
      id: delegates.id,
      nameZh: delegates.nameZh,
      nameEn: delegates.nameEn,
      passportName: delegates.passportName,
      email: delegates.email,
      outletZh: outlets.nameZh,
      outletEn: outlets.nameEn,
    })
    .from(delegates)
    .innerJoin(
      outlets,
      and(eq(outlets.tourId, delegates.tourId), eq(outlets.id, delegates.outletId)),
    )
    .leftJoin(users, and(eq(users.tourId, delegates.tourId), eq(users.delegateId, delegates.id)))
    .where(
      and(
        eq(delegates.tourId, tourId),
        isNull(delegates.archivedAt),
        isNull(users.id),
        ...searchWords(q).map(
          (w) =>
            sql`(${delegates.searchText} like ${likePattern(w)} or ${outlets.searchText} like ${likePattern(w)})`,
        ),
      ),
    )
    .orderBy(asc(outlets.nameEn), asc(delegates.passportName))
    .$dynamic();
  const rows = await (limit ? query.limit(limit) : query);
  return rows.map(({ passportName, ...d }) => ({
    ...d,
    nameEn: d.nameEn ?? passportName,
    email: d.email?.trim() || null,
  }));
}
