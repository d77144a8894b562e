import type { ReactNode } from 'react';
import { Pagination } from './Pagination.tsx';
import { QueryView, type QueryState } from './QueryView.tsx';

/** One page of a list as the API answers it. */
export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * What one paged query loaded, like QueryView: `empty` when the list has nothing at all, else the
 * page's items (drawn by `children`) and the page controls under them.
 */
export function PagedQueryView<T>({ query, empty, onPage, children }: {
  query: QueryState<Paged<T>>;
  empty: ReactNode;
  onPage: (page: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <QueryView query={query} isEmpty={(data) => data.total === 0} empty={empty}>
      {(data) => (
        <>
          {children(data.items)}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} />
        </>
      )}
    </QueryView>
  );
}
