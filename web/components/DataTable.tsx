import type { ReactNode } from 'react';
import { Table, type TableProps } from '@mantine/core';

export interface Column {
  label: ReactNode;
  /** Read by screen readers only, e.g. the column of each row's buttons. */
  hidden?: boolean;
  align?: 'left' | 'right';
  /** e.g. "no-print" for a column of buttons. */
  className?: string;
}

/**
 * A table that scrolls sideways on narrow screens, with its header row. The caller writes the body
 * (one <Table.Tbody>, or several for grouped rows) and names the table with aria-label or aria-labelledby.
 */
export function DataTable({ minWidth, columns, children, ...tableProps }: Omit<TableProps, 'children'> & {
  minWidth: number;
  /** A column given as false or null is left out (e.g. the unit, for someone who works in one unit). */
  columns: readonly (Column | string | false | null)[];
  children: ReactNode;
}) {
  const shown = columns.filter((c): c is Column | string => c !== false && c !== null).map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="xs" {...tableProps}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((c, i) => (
              <Table.Th key={i} scope="col" ta={c.align} className={c.className}>
                {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
