import 'server-only';
import { errorFields, log } from '@/lib/log';

/** An unexpected failure in a request, with the id the person was shown. */
export function logError(err: unknown, context: { action?: string; requestId: string | null }) {
  log().error({ ...context, ...errorFields(err) }, 'request failed');
}
