import { useSearchParams } from 'react-router';

/** The filters with some changed (an empty value removes one); a changed filter starts again at page 1. */
export function withFilters(current: URLSearchParams, changes: Record<string, string>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  // The old page may not exist in the new list.
  next.delete('page');
  return next;
}

/** The address of page `n` of the same list (page 1 is the address without a page). */
export function pageAddress(current: URLSearchParams, n: number): string {
  const next = new URLSearchParams(current);
  if (n > 1) next.set('page', String(n));
  else next.delete('page');
  return `?${next}`;
}

/**
 * A list page's state lives in its address, so a filtered page can be bookmarked, shared and reloaded: its
 * parameters, the page number, a setter for filters (`replace`: a search being refined keeps one history entry)
 * and the address of another page.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  return {
    params,
    page: Math.max(1, Number(params.get('page')) || 1),
    setFilters: (changes: Record<string, string>, replace = false) =>
      setParams((current) => withFilters(current, changes), { replace }),
    pageHref: (n: number) => pageAddress(params, n),
  };
}
