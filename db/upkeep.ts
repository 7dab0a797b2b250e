import { and, eq, isNotNull, not, sql } from 'drizzle-orm';
import { encryptPassport, isEncrypted } from '../lib/crypto/passport';
import { searchTextOf } from '../lib/search';
import type { Db } from './connect';
import { delegates, outlets, users } from './schema';

/**
 * Brings rows written before a migration up to what the code expects, once, at start: passport
 * numbers still in plain text are encrypted, and rows without search text get it. Cheap when
 * there is nothing to do (three indexed-or-small queries).
 */
export async function upkeep(db: Db): Promise<void> {
  const plain = await db
    .select({ id: delegates.id, value: delegates.passportNumberEnc })
    .from(delegates)
    .where(
      and(
        isNotNull(delegates.passportNumberEnc),
        not(sql`${delegates.passportNumberEnc} like 'v1.%'`),
      ),
    );
  for (const row of plain) {
    if (row.value && !isEncrypted(row.value)) {
      await db
        .update(delegates)
        .set({ passportNumberEnc: encryptPassport(row.value) })
        .where(eq(delegates.id, row.id));
    }
  }

  const unsearchable = await db
    .select({
      id: delegates.id,
      nameZh: delegates.nameZh,
      nameEn: delegates.nameEn,
      passportName: delegates.passportName,
      email: delegates.email,
    })
    .from(delegates)
    .where(eq(delegates.searchText, ''));
  for (const d of unsearchable) {
    await db
      .update(delegates)
      .set({ searchText: searchTextOf(d.nameZh, d.nameEn, d.passportName, d.email) })
      .where(eq(delegates.id, d.id));
  }

  const outletRows = await db
    .select({ id: outlets.id, nameZh: outlets.nameZh, nameEn: outlets.nameEn })
    .from(outlets)
    .where(eq(outlets.searchText, ''));
  for (const o of outletRows) {
    await db
      .update(outlets)
      .set({ searchText: searchTextOf(o.nameZh, o.nameEn) })
      .where(eq(outlets.id, o.id));
  }

  const userRows = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.searchText, ''));
  for (const u of userRows) {
    await db
      .update(users)
      .set({ searchText: searchTextOf(u.email, u.displayName) })
      .where(eq(users.id, u.id));
  }
}
