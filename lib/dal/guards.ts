import 'server-only';
import { notFound } from 'next/navigation';
import { canManageUsers, type Viewer } from '@/lib/auth/permissions';
import { recordRefusal } from './audit';
import { clientIp, currentPath } from './request';
import { type TourScope, tourScope } from './scope';
import { getTour } from './tours';
import { getViewer, requireViewer } from './viewer';

// Guards for pages. A refusal is logged, then answered like a missing page, so the caller learns
// nothing of what exists.

/** Logs a refused request, then answers 404. */
export async function refuse(viewer: Viewer | null, tourId: string | null = null): Promise<never> {
  await recordRefusal({
    action: 'access.refused',
    userId: viewer?.userId ?? null,
    actorEmail: viewer?.email ?? null,
    tourId,
    target: (await currentPath()).split('?')[0] ?? null,
    ip: await clientIp(),
    detail: viewer ? { role: viewer.role } : null,
  });
  notFound();
}

/** The staff pages of a tour: the scope that every reader of the tour's data needs, and the tour. */
export async function requireTourScope(tourIdParam: string) {
  const viewer = await requireViewer();
  const scope = tourScope(viewer, tourIdParam);
  if (!scope) return refuse(viewer);
  const tour = await getTour(scope);
  if (!tour) notFound();
  return { viewer, scope, tour };
}

/** For decoration (the tour layout): the scope when the viewer may work on the tour, else null. */
export async function findTourScope(tourIdParam: string): Promise<TourScope | null> {
  const viewer = await getViewer();
  return viewer ? tourScope(viewer, tourIdParam) : null;
}

/** The organizers' screens (users, audit log): anyone else gets a logged 404. */
export async function requireOrganizer(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!canManageUsers(viewer)) return refuse(viewer);
  return viewer;
}
