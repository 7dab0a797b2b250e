import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getTour } from './tours';

const tourIdSchema = z.uuid();

/** The tour named in a URL, or the 404 page: a malformed id is as unknown as a missing one. */
export async function requireTour(tourId: string) {
  const parsed = tourIdSchema.safeParse(tourId);
  if (!parsed.success) notFound();
  const tour = await getTour(parsed.data);
  if (!tour) notFound();
  return tour;
}
