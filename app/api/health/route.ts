import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/dal/health';

export const dynamic = 'force-dynamic';

// Liveness, public on purpose: the process serves and opened its database at start (no query:
// a database that blinks must not get a healthy process restarted). It names the driver and
// nothing else. Readiness (database answers, migrations applied) is /api/health/ready.
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    const { database } = await checkHealth();
    return NextResponse.json({ ok: true, database }, { headers });
  } catch {
    return NextResponse.json({ ok: false }, { status: 503, headers });
  }
}
