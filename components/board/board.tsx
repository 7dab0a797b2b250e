'use client';

import {
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import type { BoardState, ShownVisit } from '@/lib/dal/board';
import { dayProblems, planContextFromJson } from '@/lib/schedule/board-plan';
import type { Problem } from '@/lib/schedule/problems';
import { formatTime, zonedInstant } from '@/lib/time';
import { ProblemList } from './problem-list';
import {
  type BoardKey,
  boardKey,
  isFullBoard,
  type NameOf,
  nameOf,
  RefusedError,
  useBoard,
  useChangeVisit,
  useLiveBoard,
  type VisitChange,
} from './use-board';
import { VisitForm, type VisitFormTarget } from './visit-form';

// The schedule board: one day, groups down, hours across. A visit moves by dragging (dnd-kit),
// by Alt+arrow keys, or through its form; every change shows at once, is checked in the browser
// with the server's own rules, and rolls back with the server's message when refused.

const dayStartMinutes = 6 * 60;
const dayEndMinutes = 24 * 60;
const span = dayEndMinutes - dayStartMinutes;
const step = 15;
const minute = 60_000;
// dnd-kit would announce its internal ids; the board's own status line says what happened.
const silent = {
  onDragStart: () => undefined,
  onDragMove: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

export function Board({
  initial,
  openVisit,
}: {
  initial: BoardState;
  openVisit?: string | undefined;
}) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <BoardView initial={initial} openVisit={openVisit} />
    </QueryClientProvider>
  );
}

function BoardView({
  initial,
  openVisit,
}: {
  initial: BoardState;
  openVisit?: string | undefined;
}) {
  const t = useTranslations('board.board');
  const locale = useLocale();
  const key = boardKey(initial.tour.id, initial.day, initial.groupPage);
  const { data } = useBoard(key, initial);
  const live = useLiveBoard(initial.tour.id);
  const change = useChangeVisit(key);
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ label: string; change: VisitChange } | null>(null);
  // Undo is for the last change only: while a later change is still saving, an earlier one's
  // undo would put the visit back to a time the coordinator has already moved away from.
  const lastChange = useRef(0);
  const [form, setForm] = useState<VisitFormTarget | null>(() => {
    const visit = openVisit ? initial.visits.find((v) => v.id === openVisit) : undefined;
    return visit ? { visitId: visit.id } : null;
  });
  const timeline = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<'groups' | 'cities' | 'sites'>('groups');
  const board = data ?? initial;
  const name = useMemo(() => nameOf(board, locale), [board, locale]);
  const zone = board.tour.timeZone;
  const dayStart = zonedInstant(board.day, '00:00', zone).getTime();

  // As first painted, the day's problems as the server found them; then the browser's own, on
  // every change before it is saved.
  const problems = useMemo(
    () =>
      isFullBoard(board)
        ? dayProblems(board.visits, planContextFromJson(board.context), board.day)
        : board.problems,
    [board],
  );
  const onDay = board.visits.filter((v) => {
    const start = new Date(v.startsAt).getTime();
    return start >= dayStart && start < dayStart + 24 * 60 * minute;
  });

  // What every block says, from the board's one translator rather than one per block.
  const blockText = useMemo<BlockText>(
    () => ({
      name,
      cancelled: t('cancelled'),
      warnings: (count) => t('warningCount', { count }),
    }),
    [t, name],
  );

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  function save(visit: ShownVisit, patch: VisitChange['patch'], label: string) {
    setRefusal(null);
    setStatus(t('saving'));
    setUndo(null);
    const sequence = ++lastChange.current;
    const before: VisitChange['patch'] = {};
    for (const k of Object.keys(patch) as (keyof VisitChange['patch'])[]) {
      (before as Record<string, unknown>)[k] = visit[k as keyof ShownVisit];
    }
    change.mutate(
      { visitId: visit.id, version: visit.version, patch },
      {
        onSuccess: (saved) => {
          if (sequence !== lastChange.current) return;
          setStatus(label);
          setUndo({
            label,
            change: { visitId: visit.id, version: saved.version, patch: before },
          });
        },
        onError: (err) => {
          setStatus('');
          setRefusal(err instanceof RefusedError ? err.refusal.message : String(err));
        },
      },
    );
  }

  function moveBy(visit: ShownVisit, minutes: number, fromGroup: string, toGroup?: string) {
    const startsAt = new Date(new Date(visit.startsAt).getTime() + minutes * minute);
    const endsAt = new Date(new Date(visit.endsAt).getTime() + minutes * minute);
    const patch: VisitChange['patch'] = {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    };
    if (toGroup && toGroup !== fromGroup && !visit.groupIds.includes(toGroup)) {
      patch.groupIds = visit.groupIds.map((g) => (g === fromGroup ? toGroup : g)).sort();
    }
    if (minutes === 0 && !patch.groupIds) return;
    save(
      visit,
      patch,
      t('moved', {
        title: name(visit.titleZh, visit.titleEn),
        start: formatTime(startsAt, zone),
        end: formatTime(endsAt, zone),
      }),
    );
  }

  function resizeBy(visit: ShownVisit, minutes: number) {
    const endsAt = new Date(new Date(visit.endsAt).getTime() + minutes * minute);
    if (endsAt.getTime() - new Date(visit.startsAt).getTime() < step * minute) return;
    save(
      visit,
      { endsAt: endsAt.toISOString() },
      t('moved', {
        title: name(visit.titleZh, visit.titleEn),
        start: formatTime(new Date(visit.startsAt), zone),
        end: formatTime(endsAt, zone),
      }),
    );
  }

  function onDragEnd(event: DragEndEvent) {
    const [kind, visitId, fromGroup] = String(event.active.id).split(':');
    const visit = board.visits.find((v) => v.id === visitId);
    const width = timeline.current?.getBoundingClientRect().width ?? 0;
    if (!visit || !fromGroup || width <= 0) return;
    const minutes = Math.round(((event.delta.x / width) * span) / step) * step;
    if (kind === 'resize') {
      if (minutes !== 0) resizeBy(visit, minutes);
      return;
    }
    const over = event.over ? String(event.over.id) : '';
    // Only the view by group moves a visit to another row's group; the others move it in time.
    const overGroup = view === 'groups' && over.startsWith('group:') ? over.slice(6) : fromGroup;
    moveBy(visit, minutes, fromGroup, overGroup);
  }

  function onKey(e: KeyboardEvent, visit: ShownVisit, groupId: string) {
    if (!e.altKey) return;
    if (view !== 'groups' && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) return;
    const rows = board.groups.map((g) => g.id);
    const at = rows.indexOf(groupId);
    let handled = true;
    if (e.key === 'ArrowLeft' && e.shiftKey) resizeBy(visit, -step);
    else if (e.key === 'ArrowRight' && e.shiftKey) resizeBy(visit, step);
    else if (e.key === 'ArrowLeft') moveBy(visit, -step, groupId);
    else if (e.key === 'ArrowRight') moveBy(visit, step, groupId);
    else if (e.key === 'ArrowUp' && at > 0) moveBy(visit, 0, groupId, rows[at - 1]);
    else if (e.key === 'ArrowDown' && at < rows.length - 1) moveBy(visit, 0, groupId, rows[at + 1]);
    else handled = false;
    if (handled) e.preventDefault();
  }

  const hours = Array.from({ length: span / 60 + 1 }, (_, i) => dayStartMinutes / 60 + i);
  const dayIndex = board.tour.dates.indexOf(board.day);

  return (
    <div className="grid gap-3">
      <p className="text-sm text-gray-700">{t('intro')}</p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={cn('badge', live ? 'badge-brand' : 'badge-warning')}>
          {live ? t('live') : t('offline')}
        </span>
        <p
          role="status"
          aria-live="polite"
          className="min-h-6 font-medium"
          data-testid="board-status"
        >
          {status}
        </p>
        {undo ? (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              const target = board.visits.find((v) => v.id === undo.change.visitId);
              if (!target) return;
              setUndo(null);
              change.mutate(
                { ...undo.change, version: target.version },
                {
                  onSuccess: () => setStatus(t('undone')),
                  onError: (err) =>
                    setRefusal(err instanceof RefusedError ? err.refusal.message : String(err)),
                },
              );
            }}
          >
            {t('undo', { what: undo.label })}
          </button>
        ) : null}
      </div>
      <p role="alert" className="min-h-6 font-medium text-red-800" data-testid="board-refusal">
        {refusal}
      </p>

      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">{t('view')}</legend>
        {(['groups', 'cities', 'sites'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={cn('btn-secondary', view === v && 'border-brand-700 bg-brand-100')}
          >
            {t(`by.${v}`)}
          </button>
        ))}
      </fieldset>

      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements: silent }}>
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <div className="min-w-[56rem]">
            <div className="grid grid-cols-[7rem_1fr] border-b border-gray-200 text-xs text-gray-700">
              <span className="px-2 py-1 font-semibold">{t('day', { n: dayIndex + 1 })}</span>
              <div ref={timeline} className="relative h-6" aria-hidden="true">
                {hours.map((h) => (
                  <span
                    key={h}
                    className="absolute top-1 -translate-x-1/2 tabular-nums"
                    style={{ left: `${((h * 60 - dayStartMinutes) / span) * 100}%` }}
                  >
                    {/* A clock time, written as the visits' own times are (lib/time formatTime). */}
                    {h === 24 ? '' : `${String(h).padStart(2, '0')}:00`}
                  </span>
                ))}
              </div>
            </div>
            {rowsOf(view, board, onDay, locale, name, t).map((r) => (
              <BoardRow
                key={r.id}
                row={r}
                visits={onDay.filter(r.holds)}
                dayStart={dayStart}
                zone={zone}
                problems={problems}
                text={blockText}
                onOpen={(visit) => setForm({ visitId: visit.id })}
                onKey={onKey}
                onAdd={r.groupId ? () => setForm({ groupId: r.groupId as string }) : undefined}
              />
            ))}
          </div>
        </div>
      </DndContext>

      <ProblemList
        problems={problems}
        visits={board.visits}
        groups={board.groups}
        name={name}
        onOpen={(visit) => setForm({ visitId: visit.id })}
      />

      {form && !isFullBoard(board) ? (
        <p role="status" className="font-medium">
          {t('opening')}
        </p>
      ) : null}
      {form && isFullBoard(board) ? (
        <VisitForm
          target={form}
          board={board}
          boardKey={key as BoardKey}
          onClose={(message) => {
            setForm(null);
            if (message) setStatus(message);
          }}
        />
      ) : null}
    </div>
  );
}

interface BlockText {
  name: NameOf;
  cancelled: string;
  warnings: (count: number) => string;
}

interface Row {
  id: string;
  code: string;
  label: string;
  /** The group a new visit of this row is for (the view by group only). */
  groupId?: string;
  holds: (v: ShownVisit) => boolean;
}

/** The board's rows: its groups, or the cities or sites the day's visits are in. */
function rowsOf(
  view: 'groups' | 'cities' | 'sites',
  board: BoardState,
  visits: ShownVisit[],
  locale: string,
  name: NameOf,
  t: (key: 'without') => string,
): Row[] {
  if (view === 'groups') {
    return board.groups.map((g) => ({
      id: `group:${g.id}`,
      code: g.code,
      label: name(g.nameZh, g.nameEn),
      groupId: g.id,
      holds: (v) => v.groupIds.includes(g.id),
    }));
  }
  const key = (v: ShownVisit) => (view === 'cities' ? v.cityId : v.siteId);
  const names = view === 'cities' ? board.cities : board.sites;
  const ids = [...new Set(visits.map(key))];
  return ids
    .map((id) => {
      const named = names.find((n) => n.id === id);
      return {
        id: `${view}:${id ?? 'none'}`,
        code: id ?? 'none',
        label: named ? name(named.nameZh, named.nameEn) : t('without'),
        holds: (v: ShownVisit) => key(v) === id,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

function BoardRow({
  row,
  visits,
  dayStart,
  zone,
  problems,
  text,
  onOpen,
  onKey,
  onAdd,
}: {
  row: Row;
  visits: ShownVisit[];
  dayStart: number;
  zone: string;
  problems: Problem[];
  text: BlockText;
  onOpen: (visit: ShownVisit) => void;
  onKey: (e: KeyboardEvent, visit: ShownVisit, groupId: string) => void;
  onAdd: (() => void) | undefined;
}) {
  const t = useTranslations('board.board');
  const { setNodeRef, isOver } = useDroppable({ id: row.id });
  const rowKey = row.groupId ?? row.id;
  return (
    <section
      aria-label={t('timeline', { group: row.label })}
      className="grid grid-cols-[7rem_1fr] border-b border-gray-100 last:border-b-0"
      data-testid="board-row"
      data-group={row.code}
    >
      <div className="flex flex-col items-start gap-1 px-2 py-1">
        <span className="text-sm font-semibold">{row.label}</span>
        {onAdd ? (
          <button
            type="button"
            onClick={onAdd}
            className="text-xs font-medium text-brand-700 underline"
            aria-label={t('addFor', { code: row.code })}
          >
            {t('newVisit')}
          </button>
        ) : null}
      </div>
      <ol ref={setNodeRef} className={cn('relative min-h-16', isOver && 'bg-brand-50')}>
        {visits.map((visit) => (
          <VisitBlock
            key={visit.id}
            visit={visit}
            groupId={rowKey}
            dayStart={dayStart}
            zone={zone}
            warnings={problems.filter((p) => p.visitIds.includes(visit.id)).length}
            text={text}
            onOpen={onOpen}
            onKey={onKey}
          />
        ))}
      </ol>
    </section>
  );
}

function VisitBlock({
  visit,
  groupId,
  dayStart,
  zone,
  warnings,
  text,
  onOpen,
  onKey,
}: {
  visit: ShownVisit;
  groupId: string;
  dayStart: number;
  zone: string;
  warnings: number;
  text: BlockText;
  onOpen: (visit: ShownVisit) => void;
  onKey: (e: KeyboardEvent, visit: ShownVisit, groupId: string) => void;
}) {
  const move = useDraggable({ id: `move:${visit.id}:${groupId}` });
  const resize = useDraggable({ id: `resize:${visit.id}:${groupId}` });
  const start = new Date(visit.startsAt);
  const end = new Date(visit.endsAt);
  const from = Math.max((start.getTime() - dayStart) / minute - dayStartMinutes, 0);
  const to = Math.min((end.getTime() - dayStart) / minute - dayStartMinutes, span);
  const title = text.name(visit.titleZh, visit.titleEn);
  const times = `${formatTime(start, zone)}–${formatTime(end, zone)}`;
  const shift = move.transform
    ? `translate3d(${move.transform.x}px, ${move.transform.y}px, 0)`
    : undefined;
  const stretch = resize.transform ? resize.transform.x : 0;
  return (
    <li
      className="board-slot"
      style={{
        left: `${+((from / span) * 100).toFixed(3)}%`,
        width: `calc(${+((Math.max(to - from, step) / span) * 100).toFixed(3)}% + ${stretch}px)`,
        transform: shift,
        zIndex: move.isDragging || resize.isDragging ? 10 : undefined,
      }}
    >
      <button
        ref={move.setNodeRef}
        // Pointer listeners only: dnd-kit's keyboard attributes are for its keyboard sensor,
        // which this board does not use (the button opens the form, Alt+arrows move the visit).
        {...move.listeners}
        type="button"
        onClick={() => onOpen(visit)}
        onKeyDown={(e) => onKey(e, visit, groupId)}
        data-testid="board-visit"
        data-visit={visit.id}
        aria-label={[
          title,
          times,
          visit.cancelled ? text.cancelled : null,
          warnings ? text.warnings(warnings) : null,
        ]
          .filter(Boolean)
          .join(', ')}
        className={cn(
          'board-block',
          visit.cancelled && 'board-block-cancelled',
          warnings > 0 && 'board-block-warning',
        )}
      >
        <span className="font-semibold tabular-nums">{times}</span>
        <span className="truncate">{title}</span>
        {warnings > 0 ? <span aria-hidden="true">⚠ {warnings}</span> : null}
      </button>
      <span
        ref={resize.setNodeRef}
        {...resize.listeners}
        aria-hidden="true"
        className="board-resize"
        data-testid="board-resize"
      />
    </li>
  );
}
