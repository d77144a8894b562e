import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/schema.ts';

// Bulk loading with COPY in PostgreSQL's text format: one line per row, columns separated by tabs,
// \N for null. Rows are gathered per table and sent in batches, so the country never sits in
// memory whole.

/** A value as COPY reads it: text, a number, a boolean, an array of text or numbers, or null. */
export type CopyValue = string | number | boolean | null | readonly (string | number)[];

/** What loads a batch of COPY text into a table: PGlite (through /dev/blob) or a PostgreSQL connection. */
export interface CopySink {
  kind: 'pglite' | 'postgres';
  copy: (table: string, columns: readonly string[], text: string) => Promise<void>;
  /** Runs SQL without parameters (BEGIN, COMMIT, ANALYZE). */
  exec: (sql: string) => Promise<void>;
  /** Runs one SQL statement without parameters and returns its rows. */
  query: (sql: string) => Promise<Record<string, unknown>[]>;
}

const SPECIAL = /[\\\t\n\r]/;

/** Escapes text for COPY's text format: backslash, tab, newline and carriage return. */
export function escapeCopyText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A PostgreSQL array literal: every element quoted, quotes and backslashes escaped. */
export function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.map((item) => (typeof item === 'number' ? String(item) : `"${item.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeCopyText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeCopyText(arrayLiteral(value));
}

type ColumnOf<T extends keyof Database> = keyof Database[T] & string;

/** The rows of one table waiting to be loaded, in COPY text. */
export class TableBuffer<T extends keyof Database = keyof Database> {
  private chunks: string[] = [];
  private pending = 0;
  /** Rows added since the start, loaded or not. */
  total = 0;
  bytes = 0;

  constructor(readonly table: T, readonly columns: readonly ColumnOf<T>[]) {}

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    }
    let line = '';
    for (let i = 0; i < values.length; i += 1) line += (i === 0 ? '' : '\t') + copyField(values[i]!);
    line += '\n';
    this.chunks.push(line);
    this.bytes += line.length;
    this.pending += 1;
    this.total += 1;
  }

  async flush(sink: CopySink): Promise<void> {
    if (this.pending === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.pending = 0;
    this.bytes = 0;
    await sink.copy(this.table, this.columns, text);
  }
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}

/** PGlite reads COPY input from its virtual /dev/blob device, filled from the query's `blob` option. */
export function pgliteSink(pglite: PGlite): CopySink {
  return {
    kind: 'pglite',
    copy: async (table, columns, text) => {
      await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
    },
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows,
  };
}

/** A PostgreSQL connection streams COPY … FROM STDIN (pg-copy-streams). One client: one transaction. */
export function postgresSink(client: pg.ClientBase): CopySink {
  return {
    kind: 'postgres',
    copy: (table, columns, text) =>
      new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
        stream.on('error', reject);
        stream.on('finish', () => resolve());
        stream.end(text);
      }),
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async (sql) => (await client.query<Record<string, unknown>>(sql)).rows,
  };
}
