'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { duplicateVisitAction } from '@/lib/actions/visits';
import type { BoardData, BoardVisit } from '@/lib/dal/board';
import { planContextFromJson, planVisitOf } from '@/lib/schedule/board-plan';
import { findProblems } from '@/lib/schedule/problems';
import { dateKeyOf, formatTime, nextDateKey, zonedInstant } from '@/lib/time';
import { ProblemItem } from './problem-list';
import {
  type BoardKey,
  nameOf,
  RefusedError,
  useChangeVisit,
  useCreateVisit,
  useSetCancelled,
} from './use-board';
import { VisitHistory } from './visit-history';

export type VisitFormTarget = { visitId: string } | { groupId: string };

const kinds = [
  'site_visit',
  'interview',
  'forum',
  'meal',
  'transfer',
  'free_time',
  'other',
] as const;
const modes = ['coach', 'train', 'flight', 'car', 'boat', 'walk', 'other'] as const;

type Fields = Omit<BoardVisit, 'id' | 'version' | 'cancelled'>;

/** The one-line fields of transport and contacts: name, longest value, input type. */
const contactFields = [
  ['vehicle', 100, 'text'],
  ['hostContactName', 100, 'text'],
  ['hostContactPhone', 40, 'tel'],
  ['escortName', 100, 'text'],
  ['escortPhone', 40, 'tel'],
] as const;

/**
 * A visit's form, in a modal dialog: every field, times typed on the tour's clock whatever the
 * browser's zone, the warnings of the change shown before saving, and the server's refusal (a
 * busy group, a stale version) beside the fields it concerns.
 */
export function VisitForm({
  target,
  board,
  boardKey,
  onClose,
}: {
  target: VisitFormTarget;
  board: BoardData;
  boardKey: BoardKey;
  onClose: (message?: string) => void;
}) {
  const t = useTranslations('board.form');
  const tb = useTranslations('board.board');
  const tKind = useTranslations('visitKind');
  const tMode = useTranslations('board.transport');
  const locale = useLocale();
  const name = nameOf(board, locale);
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const zone = board.tour.timeZone;
  // The visit as it was when the form opened, with every field the form edits: a save is from
  // that version, so another coordinator's change meanwhile is refused, never overwritten.
  const [existing] = useState(() =>
    'visitId' in target ? (board.visits.find((v) => v.id === target.visitId) ?? null) : null,
  );
  const create = useCreateVisit(boardKey);
  const change = useChangeVisit(boardKey);
  const setCancelled = useSetCancelled(boardKey);
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(
    null,
  );
  const [draft, setDraft] = useState<Fields | null>(null);

  // Gone from the day between the page's first paint and the board's full read (moved or
  // deleted by someone else): nothing to edit, and not a new visit either.
  const gone = 'visitId' in target && !existing;
  const closeGone = useRef(onClose);
  useEffect(() => {
    // Once, when the form opens: `gone` is fixed from then on.
    if (gone) closeGone.current();
    else dialog.current?.showModal();
  }, [gone]);

  const initialGroups = existing ? existing.groupIds : 'groupId' in target ? [target.groupId] : [];
  const start = existing ? new Date(existing.startsAt) : zonedInstant(board.day, '09:00', zone);
  const end = existing ? new Date(existing.endsAt) : zonedInstant(board.day, '10:00', zone);

  function read(): Fields | null {
    if (!form.current) return null;
    const data = new FormData(form.current);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const date = text('date');
    let startsAt = '';
    let endsAt = '';
    try {
      startsAt = zonedInstant(date, text('start'), zone).toISOString();
      endsAt = zonedInstant(date, text('end'), zone).toISOString();
    } catch {
      return null;
    }
    return {
      kind: text('kind') as Fields['kind'],
      titleZh: text('titleZh'),
      titleEn: text('titleEn'),
      siteId: text('siteId') || null,
      cityId: text('cityId') || null,
      fromCityId: text('fromCityId') || null,
      startsAt,
      endsAt,
      groupIds: data.getAll('groupIds').map(String).sort(),
      notesZh: text('notesZh') || null,
      notesEn: text('notesEn') || null,
      transportMode: (text('transportMode') || null) as Fields['transportMode'],
      vehicle: text('vehicle') || null,
      hostContactName: text('hostContactName') || null,
      hostContactPhone: text('hostContactPhone') || null,
      escortName: text('escortName') || null,
      escortPhone: text('escortPhone') || null,
    };
  }

  // Moved to another day: that day's plan (and its neighbours') is read for the checks.
  const draftDay = draft ? dateKeyOf(new Date(draft.startsAt), zone) : board.day;
  const elsewhere = useQuery({
    queryKey: ['board', board.tour.id, draftDay, board.groupPage],
    queryFn: async () => {
      const res = await fetch(
        `/api/tours/${board.tour.id}/board?day=${draftDay}&groups=${board.groupPage}`,
      );
      if (!res.ok) throw new Error(`board ${res.status}`);
      return (await res.json()) as BoardData;
    },
    enabled: draftDay !== board.day && board.tour.dates.includes(draftDay),
  });

  // What the change would break, by the same rules the server applies, before it is saved.
  const warnings = useMemo(() => {
    if (!draft) return [];
    const id = existing?.id ?? 'new';
    const plan = draftDay === board.day ? board : elsewhere.data;
    if (!plan) return [];
    const others = plan.visits.filter((v) => v.id !== id).map(planVisitOf);
    const proposed = planVisitOf({ ...draft, id, cancelled: existing?.cancelled ?? false });
    const context = planContextFromJson(plan.context);
    return findProblems([...others, proposed], context).filter((p) => p.visitIds.includes(id));
  }, [draft, draftDay, board, elsewhere.data, existing]);

  function refused(err: unknown) {
    if (err instanceof RefusedError) {
      setError({ message: err.refusal.message, fields: err.refusal.fieldErrors ?? {} });
      if (err.refusal.code === 'stale') client.invalidateQueries({ queryKey: ['board'] });
    } else {
      setError({ message: String(err), fields: {} });
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const fields = read();
    if (!fields) return;
    setError(null);
    const done = () => onClose(tb('saved'));
    if (existing) {
      change.mutate(
        { visitId: existing.id, version: existing.version, patch: fields },
        { onSuccess: done, onError: refused },
      );
    } else {
      create.mutate(fields, { onSuccess: done, onError: refused });
    }
  }

  const fieldError = (name: string) =>
    error?.fields[name]?.length ? (
      <span id={`${name}-error`} className="text-sm font-medium text-red-800">
        {error.fields[name]?.join(' ')}
      </span>
    ) : null;
  const describedBy = (name: string) => (error?.fields[name]?.length ? `${name}-error` : undefined);
  const input = 'input';

  if (gone) return null;
  return (
    <dialog
      ref={dialog}
      onClose={() => onClose()}
      aria-labelledby="visit-form-title"
      className="m-auto w-full max-w-2xl rounded-lg p-0 backdrop:bg-black/40"
    >
      <form
        ref={form}
        onSubmit={submit}
        onChange={() => setDraft(read())}
        className="grid gap-3 p-4"
        noValidate
      >
        <h2 id="visit-form-title" className="text-xl font-bold">
          {existing ? t('titleEdit') : t('titleNew')}
        </h2>
        <p className="text-sm text-gray-700">{t('zoneNote', { zone })}</p>
        <p role="alert" className="font-medium text-red-800" data-testid="form-refusal">
          {error?.message}
        </p>

        <div className="grid gap-3 sm:grid-cols-3">
          <label className="grid gap-1 text-sm font-medium">
            {t('date')}
            <input
              name="date"
              type="date"
              required
              min={board.tour.startDate}
              max={board.tour.endDate}
              defaultValue={dateKeyOf(start, zone)}
              className={input}
            />
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t('start')}
            <input
              name="start"
              type="time"
              step={300}
              required
              defaultValue={formatTime(start, zone)}
              aria-describedby={describedBy('startsAt')}
              className={input}
            />
            {fieldError('startsAt')}
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t('end')}
            <input
              name="end"
              type="time"
              step={300}
              required
              defaultValue={formatTime(end, zone)}
              aria-describedby={describedBy('endsAt')}
              className={input}
            />
            {fieldError('endsAt')}
          </label>
        </div>

        <div className="grid gap-3 sm:grid-cols-2">
          <label className="grid gap-1 text-sm font-medium">
            {t('kind')}
            <select name="kind" defaultValue={existing?.kind ?? 'site_visit'} className={input}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {tKind(k)}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t('site')}
            <select name="siteId" defaultValue={existing?.siteId ?? ''} className={input}>
              <option value="">{t('noSite')}</option>
              {board.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {name(s.nameZh, s.nameEn)}
                </option>
              ))}
            </select>
            {fieldError('siteId')}
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t('titleZh')}
            <input
              name="titleZh"
              required
              maxLength={200}
              lang="zh-Hans"
              defaultValue={existing?.titleZh ?? ''}
              aria-describedby={describedBy('titleZh')}
              className={input}
            />
            {fieldError('titleZh')}
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t('titleEn')}
            <input
              name="titleEn"
              required
              maxLength={200}
              lang="en"
              defaultValue={existing?.titleEn ?? ''}
              aria-describedby={describedBy('titleEn')}
              className={input}
            />
            {fieldError('titleEn')}
          </label>
          {(
            [
              ['cityId', t('city'), t('sameAsSite')],
              ['fromCityId', t('fromCity'), t('none')],
            ] as const
          ).map(([field, label, empty]) => (
            <label key={field} className="grid gap-1 text-sm font-medium">
              {label}
              <select name={field} defaultValue={existing?.[field] ?? ''} className={input}>
                <option value="">{empty}</option>
                {board.cities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {name(c.nameZh, c.nameEn)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>

        <fieldset className="grid gap-1" aria-describedby={describedBy('groupIds')}>
          <legend className="text-sm font-medium">{t('groups')}</legend>
          <div className="flex flex-wrap gap-3">
            {board.groups.map((g) => (
              <label key={g.id} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="groupIds"
                  value={g.id}
                  defaultChecked={initialGroups.includes(g.id)}
                  className="size-5"
                />
                {name(g.nameZh, g.nameEn)}
              </label>
            ))}
            {/* Groups of the visit on another page of the board stay with it. */}
            {initialGroups
              .filter((id) => !board.groups.some((g) => g.id === id))
              .map((id) => (
                <input key={id} type="hidden" name="groupIds" value={id} />
              ))}
          </div>
          {fieldError('groupIds')}
        </fieldset>

        <div className="grid gap-3 sm:grid-cols-2">
          <label className="grid gap-1 text-sm font-medium">
            {t('notesZh')}
            <textarea
              name="notesZh"
              rows={2}
              lang="zh-Hans"
              maxLength={2000}
              defaultValue={existing?.notesZh ?? ''}
              className="input py-2"
            />
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t('notesEn')}
            <textarea
              name="notesEn"
              rows={2}
              lang="en"
              maxLength={2000}
              defaultValue={existing?.notesEn ?? ''}
              className="input py-2"
            />
          </label>
          <label className="grid gap-1 text-sm font-medium">
            {t('transportMode')}
            <select
              name="transportMode"
              defaultValue={existing?.transportMode ?? ''}
              className={input}
            >
              <option value="">{t('none')}</option>
              {modes.map((m) => (
                <option key={m} value={m}>
                  {tMode(m)}
                </option>
              ))}
            </select>
          </label>
          {contactFields.map(([name, maxLength, type]) => (
            <label key={name} className="grid gap-1 text-sm font-medium">
              {t(name)}
              <input
                name={name}
                type={type}
                maxLength={maxLength}
                defaultValue={existing?.[name] ?? ''}
                className={input}
              />
            </label>
          ))}
        </div>

        {warnings.length > 0 ? (
          <div
            className="rounded border border-amber-700 bg-amber-50 p-2"
            data-testid="form-warnings"
          >
            <p className="text-sm font-semibold">
              {tb('warningCount', { count: warnings.length })}
            </p>
            <ul className="grid gap-1">
              {warnings.map((w) => (
                <ProblemItem
                  key={`${w.kind}:${w.visitIds.join()}`}
                  problem={w}
                  visits={board.visits}
                  groups={board.groups}
                  name={name}
                />
              ))}
            </ul>
          </div>
        ) : null}

        {existing ? <VisitHistory tourId={board.tour.id} visitId={existing.id} /> : null}

        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            className="btn-primary"
            disabled={create.isPending || change.isPending}
          >
            {warnings.length > 0 ? t('saveAnyway') : t('save')}
          </button>
          {existing ? (
            <>
              <button
                type="button"
                className={existing.cancelled ? 'btn-secondary' : 'btn-danger'}
                onClick={() =>
                  setCancelled.mutate(
                    {
                      visitId: existing.id,
                      version: existing.version,
                      cancelled: !existing.cancelled,
                    },
                    { onSuccess: () => onClose(tb('saved')), onError: refused },
                  )
                }
              >
                {existing.cancelled ? t('restoreVisit') : t('cancelVisit')}
              </button>
              <button
                type="button"
                className="btn-secondary"
                onClick={async () => {
                  const next = zonedInstant(
                    nextDateKey(dateKeyOf(start, zone)),
                    formatTime(start, zone),
                    zone,
                  );
                  const result = await duplicateVisitAction(null, {
                    tourId: board.tour.id,
                    visitId: existing.id,
                    startsAt: next.toISOString(),
                  });
                  if (result.ok) {
                    client.invalidateQueries({ queryKey: ['board'] });
                    onClose(tb('saved'));
                  } else {
                    setError({ message: result.message, fields: result.fieldErrors ?? {} });
                  }
                }}
              >
                {t('duplicate')}
              </button>
            </>
          ) : null}
          <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
