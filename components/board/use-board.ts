'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  createVisitAction,
  type SavedVisit,
  setVisitCancelledAction,
  updateVisitAction,
} from '@/lib/actions/visits';
import type { ActionResult } from '@/lib/dal/action-result';
import type { BoardData, BoardState, BoardVisit } from '@/lib/dal/board';
import { pick } from '@/lib/i18n/pick';

// The board's data lives in TanStack Query: read from the board route, changed through the
// server actions with optimistic updates that roll back with the server's message when refused,
// and refetched when another coordinator's change arrives (server-sent events) or on focus.

export type BoardKey = readonly ['board', string, string, number];

export const boardKey = (tourId: string, day: string, groupPage: number): BoardKey => [
  'board',
  tourId,
  day,
  groupPage,
];

export function isFullBoard(board: BoardState): board is BoardData {
  return board.context !== null;
}

export type NameOf = (zh: string | null | undefined, en: string | null | undefined) => string;

/**
 * A name or title on the board in the reader's language: its stored Chinese as the reader's
 * script has it (the dictionary the server sent), so a title just edited shows as typed.
 */
export function nameOf(board: BoardState, locale: string): NameOf {
  const shown = board.shownZh ?? {};
  return (zh, en) => pick(locale, zh ? (shown[zh] ?? zh) : zh, en);
}

/**
 * The board's day. The page paints it without the checks' reference data and the form's menus;
 * those come from the board route at once (the first paint counts as already stale).
 */
export function useBoard(key: BoardKey, initial: BoardState) {
  const [, tourId, day, groupPage] = key;
  return useQuery<BoardState>({
    queryKey: key,
    queryFn: async () => {
      const res = await fetch(`/api/tours/${tourId}/board?day=${day}&groups=${groupPage}`, {
        cache: 'no-store',
      });
      if (!res.ok) throw new Error(`board ${res.status}`);
      return (await res.json()) as BoardData;
    },
    initialData: initial,
    initialDataUpdatedAt: initial.context ? undefined : 0,
    refetchOnWindowFocus: true,
    staleTime: 1000,
  });
}

/** Refetches the board when a change to the tour arrives; says whether the stream is up. */
export function useLiveBoard(tourId: string) {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/tours/${tourId}/board/events`);
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('change', () => {
      // While this board's own changes are saving, their last one refetches when it settles:
      // a refetch now would show the server between two of them.
      if (client.isMutating({ mutationKey: ['board-change', tourId] }) > 0) return;
      client.invalidateQueries({ queryKey: ['board', tourId] });
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [tourId, client]);
  return connected;
}

export type VisitChange = {
  visitId: string;
  version: number;
  patch: Partial<Omit<BoardVisit, 'id' | 'version' | 'cancelled'>>;
};

/** The board with one visit changed, as painted first or in full. */
function withVisit(
  board: BoardState,
  visitId: string,
  patch: VisitChange['patch'] | { version: number },
): BoardState {
  return isFullBoard(board)
    ? { ...board, visits: board.visits.map((v) => (v.id === visitId ? { ...v, ...patch } : v)) }
    : { ...board, visits: board.visits.map((v) => (v.id === visitId ? { ...v, ...patch } : v)) };
}

/** For each visit, the versions this board's own saves moved it from and to. */
const ownSaves = new Map<string, Map<number, number>>();

type Refusal = Extract<ActionResult<SavedVisit>, { ok: false }>;

export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** Moves, resizes and edits: shown at once, undone with the server's word if refused. */
export function useChangeVisit(key: BoardKey) {
  const client = useQueryClient();
  const tourId = key[1];
  return useMutation({
    // One change at a time, each from the version the previous one left: three quick moves are
    // three saves, not two refusals for a stale version.
    scope: { id: `board-${tourId}` },
    mutationKey: ['board-change', tourId],
    mutationFn: async ({ visitId, version, patch }: VisitChange) => {
      // Follow only this board's own saves: a version someone else wrote is still stale.
      const chain = ownSaves.get(visitId) ?? new Map<number, number>();
      let from = version;
      while (chain.has(from)) from = chain.get(from) ?? from + 1;
      const result = await updateVisitAction(null, { tourId, visitId, version: from, ...patch });
      if (!result.ok) throw new RefusedError(result);
      ownSaves.set(visitId, chain.set(from, result.data.version));
      return result.data;
    },
    onMutate: async ({ visitId, patch }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<BoardState>(key);
      if (previous) {
        client.setQueryData<BoardState>(key, withVisit(previous, visitId, patch));
      }
      return { previous };
    },
    onError: (_err, _change, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
    },
    onSuccess: (saved) => {
      const current = client.getQueryData<BoardState>(key);
      if (current) {
        client.setQueryData<BoardState>(
          key,
          withVisit(current, saved.id, { version: saved.version }),
        );
      }
    },
    onSettled: () => {
      // Only after the last queued change: earlier answers would undo the later ones on screen.
      if (client.isMutating({ mutationKey: ['board-change', tourId] }) === 1) {
        client.invalidateQueries({ queryKey: ['board', tourId] });
      }
    },
  });
}

export function useCreateVisit(key: BoardKey) {
  const client = useQueryClient();
  const tourId = key[1];
  return useMutation({
    mutationFn: async (fields: Omit<BoardVisit, 'id' | 'version' | 'cancelled'>) => {
      const result = await createVisitAction(null, { tourId, ...fields });
      if (!result.ok) throw new RefusedError(result);
      return result.data;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['board', tourId] }),
  });
}

export function useSetCancelled(key: BoardKey) {
  const client = useQueryClient();
  const tourId = key[1];
  return useMutation({
    mutationFn: async (input: { visitId: string; version: number; cancelled: boolean }) => {
      const result = await setVisitCancelledAction(null, { tourId, ...input });
      if (!result.ok) throw new RefusedError(result);
      return result.data;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['board', tourId] }),
  });
}
