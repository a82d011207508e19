import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/http';
import { useLive } from '../../api/live';

export interface Fetched<T> {
  data: T | undefined;
  error: unknown;
  /** When the shown data was fetched (ISO): the page's "Cập nhật lúc". */
  fetchedAt: string | undefined;
  loading: boolean;
}

interface State<T> {
  key: string | null;
  data?: T;
  error?: unknown;
  fetchedAt?: string;
}

/**
 * Data the page shows, fetched again whenever `version` moves (a live change) — keeping what is shown until
 * the new answer arrives, so a hall screen never blinks. A `key` of null fetches nothing.
 */
export function useFetched<T>(key: string | null, load: () => Promise<T>, version: number): Fetched<T> {
  const [state, setState] = useState<State<T>>({ key: null });
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
        if (current) setState((previous) => ({ ...(previous.key === key ? previous : { key }), error }));
      },
    );
    // A later version or key supersedes this answer, whichever arrives first.
    return () => {
      current = false;
    };
  }, [key, version]);

  const same = key !== null && state.key === key;
  return {
    data: same ? state.data : undefined,
    error: same ? state.error : undefined,
    fetchedAt: same ? state.fetchedAt : undefined,
    loading: key !== null && (!same || (state.data === undefined && state.error === undefined)),
  };
}

/** One GET of the API, as useFetched. */
export function useApiData<T>(path: string | null, version: number): Fetched<T> {
  return useFetched<T>(path, () => api<T>(path!), version);
}

/**
 * Change notices from the gateway turned into versions to refetch by: `reporting` moves the figures,
 * `tradeFairs` the fair lists (useLive also reports every service after a reconnect: a change may have passed).
 */
export function useLiveVersions() {
  const [versions, setVersions] = useState({ reporting: 0, tradeFairs: 0 });
  const { connected } = useLive((change) => {
    const reporting = change.services.includes('reporting');
    const tradeFairs = change.services.includes('trade-fairs');
    if (reporting || tradeFairs) {
      setVersions((v) => ({
        reporting: v.reporting + (reporting ? 1 : 0),
        tradeFairs: v.tradeFairs + (tradeFairs ? 1 : 0),
      }));
    }
  });
  return { ...versions, connected };
}
