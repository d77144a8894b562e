import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router-dom';

/** The page number in the address: 1 when it is missing or not a whole number of at least 1. */
export function pageOf(search: URLSearchParams): number {
  const page = Number(search.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * The address after some settings change: an empty value removes its setting, and any change but
 * the page itself starts again at page 1 (a new search or filter has pages of its own).
 */
export function withChanges(search: URLSearchParams, changes: Readonly<Record<string, string | undefined>>): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}

/** The address without its search and filters; the settings named in `keep` (e.g. the sort order) stay. */
export function withoutFilters(search: URLSearchParams, keep: readonly string[]): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of keep) {
    const value = search.get(key);
    if (value) next.set(key, value);
  }
  return next;
}

/**
 * The page of a list without a search, in the address (`?page=`, absent for the first page) beside
 * the page's other settings, replaced in place like the searchable lists' settings.
 */
export function usePageAddress(): { page: number; setPage: (page: number) => void } {
  const [search, setSearch] = useSearchParams();
  return {
    page: pageOf(search),
    setPage: (page: number) => setSearch((prev) => withChanges(prev, { page: page > 1 ? String(page) : undefined }), { replace: true }),
  };
}

const TYPING_PAUSE_MS = 350;

/**
 * A paged, searchable list whose settings live in the address (`?q=…&page=…` and its filters), so
 * Back, reload and shared links keep the same view. The search box writes `q` once typing pauses,
 * and follows the address when it changes otherwise (Back, the menu link).
 */
export function useListAddress() {
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), TYPING_PAUSE_MS);
  const [seenQ, setSeenQ] = useState(q);
  if (q !== seenQ) {
    setSeenQ(q);
    if (q !== text.trim()) setText(q);
  }

  const update = (changes: Readonly<Record<string, string | undefined>>) => {
    setSearch((prev) => withChanges(prev, changes), { replace: true });
  };

  useEffect(() => {
    if (debounced !== (search.get('q') ?? '')) update({ q: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new search term should write the address
  }, [debounced]);

  return {
    search,
    /** The search term in the address; undefined when there is none. */
    q: q || undefined,
    page: pageOf(search),
    /** The search box's text, as typed. */
    text,
    setText,
    /** Searches for the box's text now (Enter), without waiting for the pause. */
    searchNow: () => update({ q: text.trim() }),
    update,
    /** Empties the search box and removes the filters, keeping the settings named in `keep`. */
    clear: (keep: readonly string[] = []) => {
      setText('');
      setSearch(withoutFilters(search, keep), { replace: true });
    },
  };
}

export type ListAddress = ReturnType<typeof useListAddress>;
