import { useEffect, useRef, useState } from 'react';
import type { Page } from '@kc/contracts';
import { api } from './http';
import { useLive } from './live';

/**
 * The one way a page loads what it shows and keeps it current: `useResource` / `useApi` fetch again whenever
 * their `version` moves, and `useLiveVersions` moves versions on the platform's change notices.
 */

/** What a page shows of one load: the last answer, the last failure, and when the answer arrived. */
export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  /** True until the first answer (or failure); a refetch keeps showing the previous answer meanwhile. */
  loading: boolean;
  /** When the shown data was fetched (ISO): the page's "Cập nhật lúc". */
  fetchedAt: string | undefined;
}

interface Loaded<T> {
  key: string | null;
  data?: T;
  error?: unknown;
  fetchedAt?: string;
}

/**
 * Runs `load` when `key` or `version` changes and keeps its latest answer. What belongs to another key is never
 * shown; a refetch keeps the page as it is until its answer, so a hall screen never blinks; a superseded load
 * never overwrites a later one; a failed refetch keeps the previous data beside the error. `key` = null loads
 * nothing (e.g. the reader may not see it).
 */
export function useResource<T>(key: string | null, load: () => Promise<T>, version = 0): Resource<T> {
  const [state, setState] = useState<Loaded<T>>({ key: null });
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === null) return;
    let current = true;
    loader.current().then(
      (data) => {
        if (current) setState({ key, data, fetchedAt: new Date().toISOString() });
      },
      (error: unknown) => {
        if (current) setState((s) => (s.key === key ? { ...s, error } : { key, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, version]);

  const same = key !== null && state.key === key;
  return {
    data: same ? state.data : undefined,
    error: same ? state.error : undefined,
    loading: key !== null && !same,
    fetchedAt: same ? state.fetchedAt : undefined,
  };
}

/** GET of one JSON resource, as useResource; `path` = null loads nothing. */
export function useApi<T>(path: string | null, version = 0): Resource<T> {
  return useResource<T>(path, () => api<T>(path!), version);
}

/**
 * Every page of a paged list (200 a page, at most `maxPages`) as one answer with the first page's other fields
 * (e.g. the watchlist's `asOf`): for lists the reader filters or counts further than the API can.
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
 * The page's one live subscription, as versions to fetch by: `versions[service]` moves with each change the
 * service reports, `version` with any of `services`. useLive also reports every service after a reconnect (a
 * change may have passed) and deals with an ended session.
 */
export function useLiveVersions<S extends string>(services: readonly S[]) {
  const watched = useRef(services);
  watched.current = services;
  const [versions, setVersions] = useState(
    () => Object.fromEntries(services.map((service) => [service, 0])) as Record<S, number>,
  );
  const { connected } = useLive((change) => {
    const moved = watched.current.filter((service) => change.services.includes(service));
    if (moved.length === 0) return;
    setVersions((v) => {
      const next = { ...v };
      for (const service of moved) next[service] = (next[service] ?? 0) + 1;
      return next;
    });
  });
  const version = Object.values<number>(versions).reduce((sum, n) => sum + n, 0);
  return { versions, version, connected };
}

const referenceAnswers = new Map<string, Promise<unknown>>();

/** Reference data (provinces, regions, activity contents) changes with a law, not a click: asked once a page load. */
function reference<T>(path: string): Promise<T> {
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
