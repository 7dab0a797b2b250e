import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/dal/health';

export const dynamic = 'force-dynamic';

// Readiness, public on purpose like /api/health (liveness): a load balancer sends traffic only
// while this answers 200. 503 while the database does not answer, its migrations are behind this
// build, or the server is shutting down. It says which, and nothing else.
export async function GET() {
  const ready = await checkReadiness();
  return NextResponse.json(ready, {
    status: ready.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
