import 'server-only';
import { getDb } from '@/db';
import { loadViewer, revokeSession } from './sessions';

// What next-auth's callbacks ask of the database: is this session still alive, and end it.

export async function sessionIsLive(token: { userId?: unknown; sessionId?: unknown }) {
  if (typeof token.userId !== 'string' || typeof token.sessionId !== 'string') return false;
  return (
    (await loadViewer(await getDb(), { userId: token.userId, sessionId: token.sessionId })) !== null
  );
}

export async function endSession(sessionId: string): Promise<void> {
  await revokeSession(await getDb(), sessionId);
}
