import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/dal/health';

export const dynamic = 'force-dynamic';

// Public on purpose: load balancers probe it. It names the driver and nothing else.
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    const { database } = await checkHealth();
    return NextResponse.json({ ok: true, database }, { headers });
  } catch {
    return NextResponse.json({ ok: false }, { status: 503, headers });
  }
}
