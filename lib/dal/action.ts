import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Db } from '@/db';
import { getDb } from '@/db';
import { type ActionResult, fail } from '@/lib/actions/result';
import type { Viewer } from '@/lib/auth/permissions';
import { recordAuditSafely } from './audit';
import { clientIp } from './request';
import { getViewer } from './viewer';

export interface ActionContext {
  viewer: Viewer;
  db: Db;
  ip: string;
}

/**
 * Wraps a server action: authenticate, authorize, validate the FormData with a strict zod schema
 * (missing and extra fields are both refused), then run the body. Refusals are audited and come
 * back as `{ ok: false, code, message, fieldErrors }` in the caller's language.
 */
export function authedAction<S extends z.ZodObject, T>(
  options: {
    name: string;
    schema: S;
    authorize: (viewer: Viewer, input: z.infer<S>) => boolean;
    /** Fields that may repeat (checkbox groups); read with getAll. */
    arrays?: string[];
  },
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    const t = await getTranslations('errors');
    const viewer = await getViewer();
    const ip = await clientIp();
    if (!viewer) {
      await recordAuditSafely({
        action: 'action.refused',
        target: options.name,
        ip,
        detail: { reason: 'unauthenticated' },
      });
      return fail('unauthenticated', t('unauthenticated'));
    }
    const raw = formDataToObject(formData, options.arrays ?? []);
    const locale = await getLocale();
    const parsed = options.schema.strict().safeParse(raw, {
      error: (locale.startsWith('zh') ? z.locales.zhCN() : z.locales.en()).localeError,
    });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const keys =
          issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.') || 'form'];
        for (const key of keys) fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      await recordAuditSafely({
        action: 'action.invalid',
        userId: viewer.userId,
        actorEmail: viewer.email,
        target: options.name,
        ip,
        detail: { fields: Object.keys(fieldErrors) },
      });
      return fail(
        'invalid',
        t('invalid', { fields: Object.keys(fieldErrors).join(', ') }),
        fieldErrors,
      );
    }
    const input = parsed.data as z.infer<S>;
    if (!options.authorize(viewer, input)) {
      await recordAuditSafely({
        action: 'action.refused',
        userId: viewer.userId,
        actorEmail: viewer.email,
        target: options.name,
        ip,
        detail: { reason: 'forbidden', role: viewer.role },
      });
      return fail('forbidden', t('forbidden'));
    }
    return body(input, { viewer, db: await getDb(), ip });
  };
}

function formDataToObject(formData: FormData, arrays: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue; // React's own fields for progressive enhancement
    out[key] = arrays.includes(key) ? formData.getAll(key) : formData.get(key);
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
