import 'server-only';
import { getDb } from '@/db';
import { recordAudit } from './audit';
import { clientIp } from './request';
import { revokeSession } from './sessions';
import { getViewer } from './viewer';

/** Ends the signed-in viewer's own session, if there is one, and records it. */
export async function signOutViewer(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await revokeSession(tx, viewer.sessionId);
    await recordAudit(tx, {
      action: 'logout',
      userId: viewer.userId,
      actorEmail: viewer.email,
      ip: await clientIp(),
    });
  });
}
