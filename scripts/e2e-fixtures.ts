// Data for the access-matrix run on a Postgres server: the demo tour with its accounts, and a
// second tour with a coordinator of its own ("coordinator of another tour").
import { eq } from 'drizzle-orm';
import { databaseConfigFromEnv } from '../db/config';
import { openDatabase } from '../db/connect';
import { tourStaff, users } from '../db/schema';
import { demoPassword, seedDemoTour } from '../db/seed';
import { demoData } from '../db/seed/demo-data';
import { hashPassword } from '../lib/auth/password';

export const otherCoordinator = 'coordinator-other@example.com';

const handle = await openDatabase(databaseConfigFromEnv());
await handle.migrate();
await seedDemoTour(handle.db);
const { tourId } = await seedDemoTour(handle.db, {
  ...demoData,
  tour: {
    ...demoData.tour,
    nameEn: 'Walking in China: 2026 Overseas Chinese Media Tour (fixture)',
    nameZh: '2026 测试活动',
  },
});
const [user] = await handle.db
  .insert(users)
  .values({
    email: otherCoordinator,
    role: 'coordinator',
    passwordHash: await hashPassword(demoPassword),
  })
  .returning({ id: users.id });
if (!user) throw new Error('fixture coordinator not stored');
await handle.db.insert(tourStaff).values({ tourId, userId: user.id });
const rows = await handle.db
  .select({ id: users.id })
  .from(users)
  .where(eq(users.role, 'coordinator'));
console.log(`e2e fixtures: 2 tours, ${rows.length} coordinators`);
await handle.close();
