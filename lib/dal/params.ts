import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { canManageUsers, canWorkOnTour, type Viewer } from '@/lib/auth/permissions';
import { recordAuditSafely } from './audit';
import { clientIp, currentPath } from './request';
import { getTour } from './tours';
import { requireViewer } from './viewer';

const idSchema = z.uuid();

/** A malformed id is as unknown as a missing one. */
export function parseId(id: string): string {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** Logs a refused request, then answers 404 so the caller learns nothing of what exists. */
export async function refuse(viewer: Viewer | null, tourId: string | null): Promise<never> {
  await recordAuditSafely({
    action: 'access.refused',
    userId: viewer?.userId ?? null,
    actorEmail: viewer?.email ?? null,
    tourId,
    target: await currentPath(),
    ip: await clientIp(),
    detail: viewer ? { role: viewer.role } : null,
  });
  notFound();
}

/** The staff pages of a tour: its organizers and assigned coordinators, nobody else. */
export async function requireTourStaff(tourIdParam: string) {
  const viewer = await requireViewer();
  const tourId = parseId(tourIdParam);
  if (!canWorkOnTour(viewer, tourId)) return refuse(viewer, null);
  const tour = await getTour(tourId);
  if (!tour) notFound();
  return { viewer, tour };
}

/** The organizers' screens (users, audit log): anyone else gets a logged 404. */
export async function requireOrganizer(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!canManageUsers(viewer)) return refuse(viewer, null);
  return viewer;
}
