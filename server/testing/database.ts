import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { Kysely } from 'kysely';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { databaseUrl, withClient } from './postgres.ts';
import { type DatabaseHandle, openPostgres, PGLITE_OPTIONS } from '../db/database.ts';
import { PgliteDialect } from '../db/pgliteDialect.ts';
import type { Database } from '../db/schema.ts';

// Every database test gets a database exactly as the migrations leave it. Building one costs about
// half a second on PGlite (loading the migrated template) and a CREATE DATABASE on PostgreSQL, so a
// test file keeps the databases its tests are done with and empties them for the next test instead:
// every table's rows are deleted, the rows the migrations inserted are put back and the sequences
// are set back. A database whose schema a test changed (tables, columns, triggers, functions,
// roles) is thrown away, never reused.

type Row = Record<string, unknown>;
/** Runs SQL text (one or more statements, no parameters) and returns the last statement's rows. */
type Run = (sqlText: string) => Promise<Row[]>;

/** A migrated database as no test has touched it. */
interface Baseline {
  schema: string;
  tables: string[];
  /** The rows the migrations inserted, as one json array per table. */
  seeded: { table: string; columns: string; json: string }[];
  sequences: { name: string; lastValue: number | null }[];
}

/** The migrations' own bookkeeping stays as it is. */
const KEPT_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

// The shape of everything a test could change besides rows: a different answer means the database
// no longer matches the migrations.
const SCHEMA_SQL = `
  SELECT md5(concat_ws('|',
    (SELECT string_agg(c.oid::text || c.relname || c.relkind::text || c.relnatts::text, ',' ORDER BY c.oid)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_%temp%'),
    (SELECT string_agg(a.attrelid::text || a.attname || a.atttypid::text || a.attnotnull::text || a.attisdropped::text, ',' ORDER BY a.attrelid, a.attnum)
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND a.attnum > 0),
    (SELECT string_agg(pg_get_expr(d.adbin, d.adrelid), ',' ORDER BY d.oid) FROM pg_attrdef d),
    (SELECT string_agg(t.oid::text || t.tgenabled::text, ',' ORDER BY t.oid) FROM pg_trigger t),
    (SELECT string_agg(p.proname || md5(p.prosrc), ',' ORDER BY p.oid)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'),
    (SELECT string_agg(conname || pg_get_constraintdef(oid), ',' ORDER BY oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace),
    (SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles),
    (SELECT string_agg(coalesce(array_to_string(setconfig, ';'), ''), ',') FROM pg_db_role_setting)
  )) AS schema`;

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

async function readBaseline(run: Run): Promise<Baseline> {
  const [schemaRow] = await run(SCHEMA_SQL);
  const tables = (await run(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`))
    .map((row) => String(row.name))
    .filter((name) => !KEPT_TABLES.has(name));
  const seeded: Baseline['seeded'] = [];
  for (const table of tables) {
    const [row] = await run(`SELECT json_agg(t)::text AS json FROM ${table} t`);
    if (row?.json === null || row?.json === undefined) continue;
    const columns = (await run(`
      SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
       WHERE attrelid = ${quoteLiteral(table)}::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`))[0]?.columns;
    seeded.push({ table, columns: String(columns), json: String(row.json) });
  }
  const sequences = (await run(`SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value FROM pg_sequences`))
    .map((row) => ({ name: String(row.name), lastValue: row.last_value === null ? null : Number(row.last_value) }));
  return { schema: String(schemaRow?.schema), tables, seeded, sequences };
}

/** Puts the database back as the baseline has it; false when its schema no longer matches. */
async function restore(run: Run, baseline: Baseline): Promise<boolean> {
  const [now] = await run(SCHEMA_SQL);
  if (String(now?.schema) !== baseline.schema) return false;
  // Replica mode skips triggers, foreign-key checks among them, so the tables empty in any order,
  // and the audit log's refusal to be deleted from (a trigger) does not apply to this reset.
  const statements = [
    'BEGIN',
    'SET LOCAL session_replication_role = replica',
    ...baseline.tables.map((table) => `DELETE FROM ${table}`),
    ...baseline.seeded.map(({ table, columns, json }) =>
      `INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${table}, ${quoteLiteral(json)}::json)`),
    ...baseline.sequences.map(({ name, lastValue }) =>
      lastValue === null ? `SELECT setval(${quoteLiteral(name)}, 1, false)` : `SELECT setval(${quoteLiteral(name)}, ${lastValue}, true)`),
    'COMMIT',
  ];
  await run(statements.join(';\n'));
  return true;
}

interface Pooled {
  open: () => DatabaseHandle;
  /** Empties the database for the next test, or destroys it when it cannot be reused. */
  recycle: () => Promise<boolean>;
}

const idle: Pooled[] = [];

async function acquire(create: () => Promise<Pooled>): Promise<DatabaseHandle> {
  const pooled = idle.pop() ?? await create();
  const handle = pooled.open();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      if (await pooled.recycle()) idle.push(pooled);
    },
  };
}

// --- PGlite ---------------------------------------------------------------------------------------

let pgliteBaseline: Promise<Baseline> | undefined;
let pgliteTemplate: Promise<Blob> | undefined;

async function createPglite(): Promise<Pooled> {
  const path = inject('pgliteTemplateFile');
  if (!path) throw new Error('the database suite runs with server/testing/global-setup.ts, which writes the migrated template');
  pgliteTemplate ??= readFile(path).then((bytes) => new Blob([bytes]));
  const pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: await pgliteTemplate });
  const run: Run = async (sqlText) => {
    const results = await pglite.exec(sqlText);
    return (results.at(-1)?.rows ?? []) as Row[];
  };
  pgliteBaseline ??= readBaseline(run);
  const baseline = await pgliteBaseline;
  return {
    open: () => {
      const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite, { closeOnDestroy: false }) });
      return { db, kind: 'pglite', close: () => db.destroy() };
    },
    recycle: async () => {
      // A test that failed inside a transaction leaves it open; PostgreSQL only warns when none is.
      await pglite.exec('ROLLBACK');
      await pglite.exec('DISCARD ALL');
      if (await restore(run, baseline)) return true;
      await pglite.close();
      return false;
    },
  };
}

// --- PostgreSQL -----------------------------------------------------------------------------------

let postgresBaseline: Promise<Baseline> | undefined;

async function createPostgres(serverUrl: string, template: string): Promise<Pooled> {
  // Named after the template, so the suite's teardown finds every copy it made and drops it.
  const name = `${template}_copy_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = databaseUrl(serverUrl, name);
  const runOn = (client: pg.Client): Run => async (sqlText) => {
    const result = await client.query(sqlText) as unknown as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(result) ? result.at(-1) : result;
    return (last?.rows ?? []) as Row[];
  };
  postgresBaseline ??= withClient(url, (client) => readBaseline(runOn(client)));
  const baseline = await postgresBaseline;
  return {
    open: () => openPostgres(url, { max: 4 }),
    recycle: async () => {
      if (await withClient(url, (client) => restore(runOn(client), baseline))) return true;
      await withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      return false;
    },
  };
}

/**
 * A database as the migrations leave it, for one test: on PostgreSQL when the suite runs with
 * TEST_DATABASE_URL and on PGlite otherwise. Closing it hands it back for the file's next test.
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const template = inject('pgTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (template && url) return acquire(() => createPostgres(url, template));
  return acquire(createPglite);
}
