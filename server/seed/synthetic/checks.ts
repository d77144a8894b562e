import type { CopySink } from './copy.ts';

// Loading millions of rows, PostgreSQL's row-by-row foreign-key checks (one lookup and one row lock
// per reference) cost more than the rows themselves. When the loading role may, and when no
// trigger of ours fires on INSERT into the tables loaded, the load runs with
// session_replication_role = replica, which skips exactly those checks (and triggers), and every
// foreign key is then verified in bulk, one anti-join per constraint, before the transaction
// commits. CHECK, NOT NULL, UNIQUE and primary keys are enforced row by row either way.

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function tableList(tables: readonly string[]): string {
  return `ARRAY[${tables.map(quoteLiteral).join(',')}]::text[]`;
}

/**
 * Switches the open transaction to bulk checking when allowed; false when it stays row by row
 * (a trigger that fires on INSERT, or a role that may not set session_replication_role).
 */
export async function skipRowChecks(sink: CopySink, tables: readonly string[]): Promise<boolean> {
  const [row] = await sink.query(`
    SELECT count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND (t.tgtype & 4) <> 0 AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY(${tableList(tables)})`);
  if (Number(row?.n ?? 0) > 0) return false;
  await sink.exec('SAVEPOINT synthetic_checks');
  try {
    await sink.exec('SET LOCAL session_replication_role = replica');
    await sink.exec('RELEASE SAVEPOINT synthetic_checks');
    return true;
  } catch {
    await sink.exec('ROLLBACK TO SAVEPOINT synthetic_checks');
    return false;
  }
}

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  columns: string[];
  parentColumns: string[];
}

/** Every foreign key of a loaded table whose rows point at nothing, with how many rows do; empty when all hold. */
export async function brokenForeignKeys(sink: CopySink, tables: readonly string[]): Promise<{ constraint: string; rows: number }[]> {
  const keys = (await sink.query(`
    SELECT c.conname AS name, child.relname AS child, parent.relname AS parent,
           (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, i)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, i)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS parent_columns
    FROM pg_constraint c
    JOIN pg_class child ON child.oid = c.conrelid
    JOIN pg_class parent ON parent.oid = c.confrelid
    WHERE c.contype = 'f' AND child.relnamespace = 'public'::regnamespace AND child.relname = ANY(${tableList(tables)})
    ORDER BY c.conname`)).map((r): ForeignKey => ({
    name: String(r.name), child: String(r.child), parent: String(r.parent),
    columns: r.columns as string[], parentColumns: r.parent_columns as string[],
  }));
  const broken: { constraint: string; rows: number }[] = [];
  for (const key of keys) {
    const present = key.columns.map((c) => `c.${quoteIdent(c)} IS NOT NULL`).join(' AND ');
    const join = key.columns.map((c, i) => `p.${quoteIdent(key.parentColumns[i]!)} = c.${quoteIdent(c)}`).join(' AND ');
    const [row] = await sink.query(`
      SELECT count(*)::int AS n FROM ${quoteIdent(key.child)} c
      WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(key.parent)} p WHERE ${join})`);
    const rows = Number(row?.n ?? 0);
    if (rows > 0) broken.push({ constraint: key.name, rows });
  }
  return broken;
}
