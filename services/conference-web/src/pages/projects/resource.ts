import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Page } from '@kc/contracts';
import { api } from '../../api/http';
import { useLive } from '../../api/live';

/** What a page shows of one load: the last answer, the last failure, and when the answer arrived. */
export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** True until the first answer (or failure); a reload keeps showing the previous answer meanwhile. */
  loading: boolean;
  loadedAt: Date | undefined;
  reload(): void;
}

interface Loaded<T> {
  key: string | null;
  data?: T;
  error?: unknown;
  loadedAt?: Date;
}

/**
 * Runs `load` when `key` changes or `reload()` is called, and keeps its latest answer. What belongs to another
 * key is never shown; a reload keeps the page as it is until its answer; a slower earlier load never overwrites
 * a later one; a failed reload keeps the previous data beside the error. `key` = null loads nothing (e.g. the
 * reader may not see it).
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<Loaded<T>>({ key: null });
  const [tick, reload] = useReducer((n: number) => n + 1, 0);
  const loader = useRef(load);
  loader.current = load;
  const latest = useRef(0);

  useEffect(() => {
    if (key === null) return;
    const run = ++latest.current;
    loader.current().then(
      (data) => {
        if (run === latest.current) setState({ key, data, loadedAt: new Date() });
      },
      (error: unknown) => {
        if (run === latest.current) setState((s) => (s.key === key ? { ...s, error } : { key, error }));
      },
    );
  }, [key, tick]);

  const same = key !== null && state.key === key;
  return {
    data: same ? state.data : undefined,
    error: same ? state.error : undefined,
    loading: key !== null && !same,
    loadedAt: same ? state.loadedAt : undefined,
    reload,
  };
}

/** GET of one JSON resource; `path` = null loads nothing. */
export function useApi<T>(path: string | null): Resource<T> {
  return useResource<T>(path, () => api<T>(path!));
}

/**
 * Every page of a paged list (200 a page, at most `maxPages`) as one answer with the first page's other fields
 * (e.g. the watchlist's `asOf`): for lists the reader filters further than the API can.
 */
export async function allPages<P extends Page<unknown>>(
  path: string,
  params: URLSearchParams,
  maxPages = 10,
): Promise<P> {
  let whole: P | undefined;
  for (let page = 1; page <= maxPages; page++) {
    params.set('page', String(page));
    params.set('limit', '200');
    const answer = await api<P>(`${path}?${params}`);
    whole = whole ? { ...whole, items: [...whole.items, ...answer.items] } : answer;
    if (whole.items.length >= answer.total || answer.items.length === 0) break;
  }
  return { ...whole!, page: 1, limit: whole!.items.length };
}

/**
 * Calls `refresh` when the platform reports a change by one of `services` (server-sent events), and whenever
 * the stream drops or comes back: back, to catch the changes missed meanwhile; dropped, so that an ended session
 * meets its 401 at once (the shell then asks to sign in) instead of leaving a stale page on a wall display.
 */
export function useLiveRefresh(services: readonly string[], refresh: () => void) {
  const handler = useRef(refresh);
  handler.current = refresh;
  const live = useLive((change) => {
    if (change.services.some((service) => services.includes(service))) handler.current();
  });
  const everConnected = useRef(false);
  useEffect(() => {
    if (everConnected.current) handler.current();
    if (live.connected) everConnected.current = true;
  }, [live.connected]);
  return live;
}

/** Several resources reloaded together (one live stream for the page). */
export function useReloadAll(...resources: { reload(): void }[]): () => void {
  const list = useRef(resources);
  list.current = resources;
  return useCallback(() => list.current.forEach((r) => r.reload()), []);
}

const referenceAnswers = new Map<string, Promise<unknown>>();

/** Reference data (provinces, regions, activity contents) changes with a law, not a click: asked once a page load. */
export function reference<T>(path: string): Promise<T> {
  let answer = referenceAnswers.get(path) as Promise<T> | undefined;
  if (!answer) {
    answer = api<T>(path);
    referenceAnswers.set(path, answer);
    answer.catch(() => referenceAnswers.delete(path));
  }
  return answer;
}

export function useReference<T>(path: string | null): Resource<T> {
  return useResource<T>(path, () => reference<T>(path!));
}
