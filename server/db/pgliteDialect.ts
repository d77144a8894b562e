import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery, type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver, type Kysely,
  PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type QueryCompiler, type QueryResult, type TransactionSettings,
} from 'kysely';

// Kysely for the embedded PGlite database. PGlite is one PostgreSQL session in the process, so the
// driver hands out that one connection to one caller at a time: a transaction keeps it from BEGIN to
// COMMIT, and every other query waits for it instead of running inside somebody else's transaction.
// The SQL is PostgreSQL's, so the adapter, compiler and introspector are Kysely's own for PostgreSQL.

/** Statements whose affected-row count Kysely reports (InsertResult, UpdateResult, DeleteResult, MergeResult). */
const COUNTED_NODES: ReadonlySet<string> = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const COUNTED_SQL = /^\s*(insert|update|delete|merge)\b/i;

function counted(compiled: CompiledQuery): boolean {
  return COUNTED_NODES.has(compiled.query.kind) || (compiled.query.kind === 'RawNode' && COUNTED_SQL.test(compiled.sql));
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters], { rowMode: 'object' });
    return {
      rows: result.rows,
      ...(counted(compiled) ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}),
    };
  }

  // PGlite has no cursors across calls; nothing in the project streams from the database.
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on PGlite');
  }
}

class PgliteDriver implements Driver {
  private readonly connection: PgliteConnection;
  /** Settles when the connection's current holder releases it; the next caller waits on it. */
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;

  constructor(private readonly pglite: PGlite, private readonly closeOnDestroy: boolean) {
    this.connection = new PgliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => { release = resolve; });
    await previous;
    this.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    const access = settings.accessMode ? ` ${settings.accessMode}` : '';
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}${access}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = null;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.queue;
    if (this.closeOnDestroy && !this.pglite.closed) await this.pglite.close();
  }
}

export interface PgliteDialectOptions {
  /** Close the PGlite database when Kysely is destroyed (the default); false leaves it to its owner. */
  closeOnDestroy?: boolean;
}

export class PgliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite, private readonly options: PgliteDialectOptions = {}) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PgliteDriver(this.pglite, this.options.closeOnDestroy ?? true);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
