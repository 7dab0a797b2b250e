'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';

interface Problem {
  row: number;
  column: string;
  message: string;
}

interface Answer {
  ok: boolean;
  message?: string;
  format?: 'xlsx' | 'csv';
  encoding?: string | null;
  header?: string[];
  fields?: string[];
  mapping?: Record<string, string>;
  rows?: number;
  create?: number;
  update?: number;
  unchanged?: number;
  problemCount?: number;
  problems?: Problem[];
  preview?: { row: number; action: 'create' | 'update' | 'unchanged'; name: string }[];
  committed?: { create: number; update: number; unchanged: number };
}

const maxBytes = 5 * 1024 * 1024;

/** Posts the form with upload progress (fetch cannot report it), answering the parsed JSON. */
function send(url: string, body: FormData, onProgress: (fraction: number) => void) {
  return new Promise<Answer>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Answer);
      } catch {
        resolve({ ok: false });
      }
    };
    xhr.onerror = () => resolve({ ok: false });
    xhr.send(body);
  });
}

/**
 * Upload, map the columns, preview every problem by row and column, then commit all rows or none.
 * The file stays in the browser between the preview and the commit.
 */
export function ImportPanel({ tourId }: { tourId: string }) {
  const t = useTranslations('editing');
  const router = useRouter();
  const uid = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<'outlets' | 'delegates'>('outlets');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [busy, setBusy] = useState<null | 'preview' | 'commit'>(null);
  const [progress, setProgress] = useState(0);
  const [status, setStatus] = useState('');

  const run = async (mode: 'preview' | 'commit', withMapping = mapping) => {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setStatus(t('import.chooseFile'));
      return;
    }
    if (file.size > maxBytes) {
      setAnswer({ ok: false, message: t('import.refused.tooLarge') });
      return;
    }
    const body = new FormData();
    body.set('kind', kind);
    body.set('mode', mode);
    body.set('file', file);
    if (withMapping) body.set('mapping', JSON.stringify(withMapping));
    setBusy(mode);
    setProgress(0);
    setStatus(mode === 'preview' ? t('import.reading') : t('import.saving'));
    const result = await send(`/api/tours/${tourId}/import`, body, setProgress);
    setBusy(null);
    if (!result.ok && !result.message) result.message = t('import.refused.unreadable');
    setAnswer(result);
    if (result.mapping) setMapping(result.mapping);
    if (result.committed) {
      setStatus(t('import.committed', result.committed));
      router.refresh();
    } else if (result.ok) {
      setStatus(t('import.previewed', { count: result.rows ?? 0 }));
    } else setStatus(result.message ?? '');
  };

  const problems = answer?.problems ?? [];
  const canCommit = !!answer?.ok && !answer.committed && answer.problemCount === 0 && !busy;

  return (
    <div className="grid gap-4">
      <form
        className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          setMapping(null);
          void run('preview', null);
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid content-start gap-1">
            <label htmlFor={`${uid}-kind`} className="text-sm font-medium">
              {t('import.kind')}
            </label>
            <select
              id={`${uid}-kind`}
              className="input"
              value={kind}
              onChange={(e) => {
                setKind(e.currentTarget.value as 'outlets' | 'delegates');
                setAnswer(null);
                setMapping(null);
              }}
            >
              <option value="outlets">{t('import.kinds.outlets')}</option>
              <option value="delegates">{t('import.kinds.delegates')}</option>
            </select>
          </div>
          <div className="grid content-start gap-1">
            <label htmlFor={`${uid}-file`} className="text-sm font-medium">
              {t('import.file')}
            </label>
            <input
              ref={fileInput}
              id={`${uid}-file`}
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${uid}-limits`}
              className="input"
              onChange={() => {
                setAnswer(null);
                setMapping(null);
              }}
            />
            <p id={`${uid}-limits`} className="text-sm text-gray-700">
              {t('import.limits')}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={!!busy}>
            {t('import.preview')}
          </button>
          {busy ? (
            <progress
              max={1}
              value={progress < 1 ? progress : undefined}
              aria-label={status}
              className="w-40"
            />
          ) : null}
        </div>
        <p role="status" className="text-sm font-medium" data-testid="import-status">
          {status}
        </p>
      </form>

      {answer && !answer.ok && !answer.problems ? (
        <p role="alert" className="font-medium text-red-800">
          {answer.message}
        </p>
      ) : null}

      {answer?.header && answer.fields && mapping ? (
        <section
          aria-labelledby={`${uid}-map`}
          className="grid gap-3 rounded-lg border border-gray-200 bg-white p-4"
        >
          <h2 id={`${uid}-map`} className="text-lg font-semibold">
            {t('import.mappingTitle')}
          </h2>
          <p className="text-sm text-gray-700">{t('import.mappingHint')}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {answer.fields.map((field) => (
              <div key={field} className="grid gap-1">
                <label htmlFor={`${uid}-map-${field}`} className="text-sm font-medium">
                  {t(`import.field.${field}`)}
                </label>
                <select
                  id={`${uid}-map-${field}`}
                  className="input"
                  value={mapping[field] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setMapping((m) => ({ ...(m ?? {}), [field]: value }));
                  }}
                >
                  <option value="">{t('import.notInFile')}</option>
                  {answer.header?.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns keep their order, and titles may repeat
                    <option key={`${h}-${i}`} value={h}>
                      {h || t('import.untitled', { n: i + 1 })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <div>
            <button
              type="button"
              className="btn-secondary"
              disabled={!!busy}
              onClick={() => void run('preview')}
            >
              {t('import.previewAgain')}
            </button>
          </div>
        </section>
      ) : null}

      {answer?.ok && !answer.committed ? (
        <section aria-labelledby={`${uid}-result`} className="grid gap-3">
          <h2 id={`${uid}-result`} className="text-lg font-semibold">
            {t('import.previewTitle')}
          </h2>
          <p data-testid="import-counts">
            {t('import.counts', {
              create: answer.create ?? 0,
              update: answer.update ?? 0,
              unchanged: answer.unchanged ?? 0,
            })}
          </p>
        </section>
      ) : null}

      {problems.length > 0 ? (
        <section aria-labelledby={`${uid}-problems`} className="grid gap-2">
          <h2 id={`${uid}-problems`} className="text-lg font-semibold text-red-800">
            {t('import.problemsTitle', { count: answer?.problemCount ?? problems.length })}
          </h2>
          {answer && !answer.ok ? (
            <p role="alert" className="font-medium text-red-800">
              {answer.message}
            </p>
          ) : null}
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="import-problems">
              <caption className="sr-only">{t('import.problemsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.reasonTitle')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p) => (
                  <tr key={`${p.row}-${p.column}-${p.message}`}>
                    <td>{p.row || t('import.wholeFile')}</td>
                    <td>{p.column}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {answer?.ok && !answer.committed && answer.preview && answer.preview.length > 0 ? (
        <details className="rounded-lg border border-gray-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">{t('import.rowsTitle')}</summary>
          <ul className="mt-2 grid gap-1 text-sm">
            {answer.preview.map((r) => (
              <li key={r.row}>
                {t('import.rowLine', { row: r.row, name: r.name, action: r.action ?? 'create' })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {answer?.ok && !answer.committed ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className="btn-primary"
            disabled={!canCommit}
            onClick={() => void run('commit')}
          >
            {t('import.commit', { count: (answer.create ?? 0) + (answer.update ?? 0) })}
          </button>
          {answer.problemCount ? <p className="text-sm">{t('import.fixFirst')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
