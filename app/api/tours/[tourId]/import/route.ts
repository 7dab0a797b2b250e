import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { commitImport, previewImport, querySavedMapping } from '@/lib/dal/editing/import';
import { authedRoute, jsonError } from '@/lib/dal/route';
import { tourScope } from '@/lib/dal/scope';
import { importLimits, readSpreadsheet } from '@/lib/import/read';
import {
  guessMapping,
  importFields,
  importKinds,
  type Mapping,
  type RowProblem,
} from '@/lib/import/rows';

export const dynamic = 'force-dynamic';

// Import of outlets and delegates. The browser keeps the file: it posts it once to preview
// (nothing saved) and again to commit (all rows in one transaction, or none).

const roles = ['organizer', 'coordinator'] as const;
const params = z.object({ tourId: z.uuid() });
const noStore = { 'Cache-Control': 'no-store' };
/** How many problems and rows an answer lists; the counts are always whole. */
const listed = 500;

/** The mapping this person chose last time for this kind of list. */
export const GET = authedRoute(
  { name: 'importMapping', roles, params, query: z.object({ kind: z.enum(importKinds) }) },
  async ({ viewer, params: p, query, notFound }) => {
    if (!tourScope(viewer, p.tourId)) return notFound('notOnTour');
    const mapping = await querySavedMapping(await getDb(), viewer.userId, query.kind);
    return NextResponse.json({ ok: true, mapping }, { headers: noStore });
  },
);

const mappingSchema = z
  .string()
  .max(10_000)
  .transform((text, ctx) => {
    try {
      const value = JSON.parse(text || '{}');
      const parsed = z.record(z.string().max(40), z.string().max(500)).safeParse(value);
      if (parsed.success && Object.keys(parsed.data).length <= 40) return parsed.data as Mapping;
    } catch {}
    ctx.addIssue({ code: 'custom' });
    return z.NEVER;
  });

export const POST = authedRoute(
  { name: 'import', roles, params, query: z.object({}) },
  async ({ viewer, params: p, request, ip, notFound }) => {
    const scope = tourScope(viewer, p.tourId);
    if (!scope) return notFound('notOnTour');
    // Only the app's own page posts here: a browser marks another site's request as such (the
    // session cookie is SameSite=Lax as well, so such a request has no session anyway).
    const site = request.headers.get('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') return notFound('crossSite');
    const t = await getTranslations('editing');
    const refuse = (status: 400 | 413, error: string) =>
      jsonError(status, error, { message: t(`import.refused.${error}`) });
    // Refused before the body is read: a file over the limit never reaches memory whole.
    const length = Number(request.headers.get('content-length') ?? 'NaN');
    if (!Number.isFinite(length) || length > importLimits.bytes + 64 * 1024) {
      return refuse(413, 'tooLarge');
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return refuse(400, 'notSpreadsheet');
    }
    const fields = z
      .object({
        kind: z.enum(importKinds),
        mode: z.enum(['preview', 'commit']),
        mapping: mappingSchema.optional(),
      })
      .safeParse({
        kind: form.get('kind'),
        mode: form.get('mode'),
        mapping: form.get('mapping') ?? undefined,
      });
    const file = form.get('file');
    if (!fields.success) return refuse(400, 'badRequest');
    if (!(file instanceof File) || file.size === 0) return refuse(400, 'empty');
    if (file.size > importLimits.bytes) return refuse(413, 'tooLarge');
    const read = await readSpreadsheet(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return refuse(read.reason === 'tooLarge' ? 413 : 400, read.reason);
    const { kind, mode } = fields.data;
    const db = await getDb();
    const mapping =
      fields.data.mapping ??
      guessMapping(kind, read.table.header, await querySavedMapping(db, viewer.userId, kind));
    const tf = await getTranslations('fields');
    const describe = (problem: RowProblem) => ({
      row: problem.row,
      column: problem.column,
      message: t(`import.reason.${problem.reason}`, {
        field: t.has(`import.field.${problem.field}`)
          ? t(`import.field.${problem.field}`)
          : tf.has(problem.field)
            ? tf(problem.field)
            : problem.field,
      }),
    });
    const summary = {
      format: read.table.format,
      encoding: read.table.encoding ?? null,
      header: read.table.header,
      fields: importFields[kind],
      mapping,
      rows: read.table.rows.length,
    };
    if (mode === 'preview') {
      const plan = await previewImport(db, scope, kind, read.table, mapping);
      const rows = plan.checked.rows.slice(0, listed).map((r) => ({
        row: r.row,
        action: plan.actions.get(r.row),
        name:
          'nameEn' in r.values && r.values.nameEn
            ? r.values.nameEn
            : 'passportName' in r.values
              ? r.values.passportName
              : '',
      }));
      return NextResponse.json(
        {
          ok: true,
          ...summary,
          create: plan.create,
          update: plan.update,
          unchanged: plan.unchanged,
          problemCount: plan.checked.problems.length,
          problems: plan.checked.problems.slice(0, listed).map(describe),
          preview: rows,
        },
        { headers: noStore },
      );
    }
    const result = await commitImport(db, scope, { kind, table: read.table, mapping, ip });
    if (!result.ok) {
      return NextResponse.json(
        {
          ok: false,
          error: 'problems',
          message: t('import.refused.problems', { count: result.plan.checked.problems.length }),
          ...summary,
          problemCount: result.plan.checked.problems.length,
          problems: result.plan.checked.problems.slice(0, listed).map(describe),
        },
        { status: 400, headers: noStore },
      );
    }
    return NextResponse.json({ ok: true, ...summary, committed: result }, { headers: noStore });
  },
);
