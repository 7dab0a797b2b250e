// Data the browser tests run on: the demo tour with its accounts; a second tour ("fixture") with
// a coordinator of its own ("coordinator of another tour") and delegates without accounts; and
// throwaway accounts the access matrix may change without disturbing other tests.
import { databaseConfigFromEnv } from '../db/config';
import { openDatabase } from '../db/connect';
import { tourStaff, users } from '../db/schema';
import { demoPassword, seedDemoTour } from '../db/seed';
import { demoData } from '../db/seed/demo-data';
import { hashPassword } from '../lib/auth/password';
import { searchTextOf } from '../lib/search';

export const fixtureTourName = 'Walking in China: 2026 Overseas Chinese Media Tour (fixture)';
export const otherCoordinator = 'coordinator-other@example.com';
export const matrixTargets = ['matrix-target-1@example.com', 'matrix-target-2@example.com'];

const handle = await openDatabase(databaseConfigFromEnv());
await handle.migrate();
await seedDemoTour(handle.db);
const { tourId } = await seedDemoTour(handle.db, {
  ...demoData,
  tour: { ...demoData.tour, nameEn: fixtureTourName, nameZh: '2026 测试活动' },
});
const passwordHash = await hashPassword(demoPassword);
const accounts = [
  { email: otherCoordinator, role: 'coordinator' as const },
  ...matrixTargets.map((email) => ({ email, role: 'coordinator' as const })),
];
const created = await handle.db
  .insert(users)
  .values(accounts.map((a) => ({ ...a, passwordHash, searchText: searchTextOf(a.email) })))
  .returning({ id: users.id, email: users.email });
const other = created.find((u) => u.email === otherCoordinator);
if (!other) throw new Error('fixture coordinator not stored');
await handle.db.insert(tourStaff).values({ tourId, userId: other.id });
console.log(`e2e fixtures: 2 tours, ${created.length} extra accounts`);
await handle.close();
