import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Loading } from './Loading.tsx';

/** The parts of a TanStack Query result that QueryView reads. */
export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * What one query loaded: its error with a retry (above older data still shown), a loader until the
 * first answer, `empty` when there is nothing (by default: an empty array), else the content.
 */
export function QueryView<T>({ query, empty = null, isEmpty = isEmptyList, children }: {
  query: QueryState<T>;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  let content: ReactNode = null;
  if (query.isPending) content = <Loading />;
  else if (query.data !== undefined) content = isEmpty(query.data) ? empty : children(query.data);
  return (
    <>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      {content}
    </>
  );
}
