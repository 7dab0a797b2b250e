import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { type Db, getDb } from '@/db';
import { writeOutcome } from '@/db/connection-lost';
import type { Role, Viewer } from '@/lib/auth/permissions';
import { describeIssues } from '@/lib/validation/issues';
import { type ActionFailure, type ActionResult, fail } from './action-result';
import { recordRefusal } from './audit';
import { logError } from './log';
import { clientIp, requestId } from './request';
import { type TourScope, tourScope } from './scope';
import { getViewer } from './viewer';

export interface ActionContext {
  viewer: Viewer;
  db: Db;
  ip: string;
}

/** Bounds on what any action reads before its schema looks at it. */
export const inputLimits = {
  fields: 64,
  fieldChars: 20_000,
  arrayItems: 2_000,
} as const;

type Input = FormData | Record<string, unknown> | null | undefined;

interface Options<S extends z.ZodObject> {
  /** Named in audit entries and logs. */
  name: string;
  schema: S;
  /** Checked before the input is even read: a journalist calling an organizer's action is
   * refused without parsing, validating or echoing anything. */
  roles: readonly Role[];
  /** Further rule on the parsed input, for what a role alone cannot say. */
  authorize?: (viewer: Viewer, input: z.infer<S>) => boolean;
  /** Fields that may repeat in FormData (checkbox groups); read with getAll. */
  arrays?: readonly string[];
  /** A longer bound on one field than inputLimits.fieldChars, for an action that takes a file's
   * text (the tour import); the schema bounds it again, and the server bounds the body to 1 MB. */
  longField?: { name: string; maxChars: number };
}

/**
 * Wraps a server action: authenticate, check the role, bound and read the input (FormData from a
 * form, or a plain object from a TanStack Query mutation), validate it with a strict zod schema,
 * then run the body. Every refusal is audited (repeats fold into one entry) and answered as
 * `{ ok: false, code, message, fieldErrors }` in the caller's language, naming fields by label.
 * A bug in the body is logged without its data and answered as `error`, nothing saved.
 */
export function authedAction<S extends z.ZodObject, T>(
  options: Options<S>,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
) {
  return async (_previous: unknown, input: Input): Promise<ActionResult<T>> => {
    // Tells the production server that Next decoded the request and an action of ours runs: a
    // failure before this point is an unreadable request, which it answers 400 (scripts/server.mjs).
    const request = (
      globalThis as { __tourdeskRequest?: { getStore(): { actionStarted?: boolean } | undefined } }
    ).__tourdeskRequest?.getStore();
    if (request) request.actionStarted = true;
    const t = await getTranslations('errors');
    const viewer = await getViewer();
    const ip = await clientIp();
    const refused = async (
      action: string,
      detail: Record<string, unknown>,
      failure: ActionFailure,
    ) => {
      await recordRefusal({
        action,
        userId: viewer?.userId ?? null,
        actorEmail: viewer?.email ?? null,
        target: options.name,
        ip,
        detail,
      });
      return failure;
    };
    if (!viewer) {
      return refused(
        'action.refused',
        { reason: 'unauthenticated' },
        fail('unauthenticated', t('unauthenticated')),
      );
    }
    if (!options.roles.includes(viewer.role)) {
      return refused(
        'action.refused',
        { reason: 'forbidden', role: viewer.role },
        fail('forbidden', t('forbidden')),
      );
    }

    const read = readInput(input, options.arrays ?? [], options.longField);
    if (!read.ok) {
      return refused(
        'action.invalid',
        { reason: read.reason },
        fail('invalid', t(`input.${read.reason}`)),
      );
    }
    const parsed = options.schema.strict().safeParse(read.value);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues);
      const tf = await getTranslations('fields');
      const tv = await getTranslations('validation');
      const label = (field: string) => (tf.has(field) ? tf(field) : tf('form'));
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems.fields) {
        const known = p.field in options.schema.shape ? p.field : 'form';
        const message = tv(p.key, { ...p.values, field: label(known) });
        fieldErrors[known] = [...(fieldErrors[known] ?? []), message];
      }
      const labels = [...new Set(Object.keys(fieldErrors))].map(label);
      const message = [
        labels.length ? t('invalid', { fields: labels.join(t('listSeparator')) }) : null,
        problems.unknownFields ? t('unknownFields', { count: problems.unknownFields }) : null,
      ]
        .filter(Boolean)
        .join(' ');
      return refused(
        'action.invalid',
        {
          fields: Object.keys(fieldErrors),
          ...(problems.unknownFields ? { unknownFields: problems.unknownFields } : {}),
        },
        fail('invalid', message, Object.keys(fieldErrors).length ? fieldErrors : undefined),
      );
    }
    const value = parsed.data as z.infer<S>;
    if (options.authorize && !options.authorize(viewer, value)) {
      return refused(
        'action.refused',
        { reason: 'forbidden', role: viewer.role },
        fail('forbidden', t('forbidden')),
      );
    }
    try {
      return await body(value, { viewer, db: await getDb(), ip });
    } catch (err) {
      unstable_rethrow(err); // redirect() and notFound() are how Next leaves an action
      const ref = await requestId();
      logError(err, { action: options.name, requestId: ref });
      // A dropped database connection is never retried for a write (db/connect.ts): the person
      // is told whether their change was saved, so they neither lose it nor make it twice.
      const outcome = writeOutcome(err);
      if (outcome === 'notSaved') return fail('not_saved', t('notSaved', { ref: ref ?? '-' }));
      if (outcome === 'unknown') return fail('maybe_saved', t('maybeSaved', { ref: ref ?? '-' }));
      return fail('error', t('unexpected', { ref: ref ?? '-' }));
    }
  };
}

/**
 * The scope of a tour-scoped action's input, or a refusal that says no more than "not found":
 * a coordinator of another tour learns nothing of this one.
 */
export async function scopeOrRefuse(
  ctx: ActionContext,
  tourId: string,
  name: string,
): Promise<{ ok: true; scope: TourScope } | { ok: false; failure: ActionFailure }> {
  const scope = tourScope(ctx.viewer, tourId);
  if (scope) return { ok: true, scope };
  await recordRefusal({
    action: 'action.refused',
    userId: ctx.viewer.userId,
    actorEmail: ctx.viewer.email,
    target: name,
    ip: ctx.ip,
    detail: { reason: 'notOnTour', role: ctx.viewer.role },
  });
  const t = await getTranslations('errors');
  return { ok: false, failure: fail('not_found', t('notFound')) };
}

type ReadResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: 'tooManyFields' | 'fieldTooLong' | 'file' | 'malformed' };

/** Copies the input into an object without a prototype (a field named `__proto__` is just a
 * field), refusing more fields, longer values or longer lists than any form of ours has. */
function readInput(
  input: Input,
  arrays: readonly string[],
  longField?: { name: string; maxChars: number },
): ReadResult {
  const out: Record<string, unknown> = Object.create(null);
  const limit = (key: string) =>
    key === longField?.name ? longField.maxChars : inputLimits.fieldChars;
  if (input instanceof FormData) {
    const keys = new Set<string>();
    for (const key of input.keys()) {
      if (key.startsWith('$ACTION')) continue; // React's own fields for progressive enhancement
      keys.add(key);
      if (keys.size > inputLimits.fields) return { ok: false, reason: 'tooManyFields' };
    }
    for (const key of keys) {
      const values = input.getAll(key);
      if (values.length > inputLimits.arrayItems) return { ok: false, reason: 'tooManyFields' };
      for (const v of values) {
        if (typeof v !== 'string') return { ok: false, reason: 'file' };
        if (v.length > limit(key)) return { ok: false, reason: 'fieldTooLong' };
      }
      out[key] = arrays.includes(key) ? values : values[0];
    }
    for (const key of arrays) out[key] ??= [];
    return { ok: true, value: out };
  }
  if (input === null || input === undefined) return { ok: true, value: out };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, reason: 'malformed' };
  const keys = Object.keys(input);
  if (keys.length > inputLimits.fields) return { ok: false, reason: 'tooManyFields' };
  for (const key of keys) {
    const value = input[key];
    const checked =
      typeof value === 'string'
        ? value.length > limit(key)
          ? 'fieldTooLong'
          : null
        : checkValue(value, 0);
    if (checked) return { ok: false, reason: checked };
    out[key] = input[key];
  }
  return { ok: true, value: out };
}

function checkValue(
  value: unknown,
  depth: number,
): 'fieldTooLong' | 'tooManyFields' | 'malformed' | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'malformed';
  if (typeof value === 'string')
    return value.length > inputLimits.fieldChars ? 'fieldTooLong' : null;
  if (value instanceof Date) return null;
  if (depth >= 2) return 'malformed';
  if (Array.isArray(value)) {
    if (value.length > inputLimits.arrayItems) return 'tooManyFields';
    for (const v of value) {
      const c = checkValue(v, depth + 1);
      if (c) return c;
    }
    return null;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length > inputLimits.fields) return 'tooManyFields';
    for (const [, v] of entries) {
      const c = checkValue(v, depth + 1);
      if (c) return c;
    }
    return null;
  }
  return 'malformed';
}
