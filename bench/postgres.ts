import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '..', '.ci', 'pg-server.sh');

/** A PostgreSQL server a bench may create databases on. */
export interface BenchPostgres {
  /** For figure names and logs: the server's version and where it came from. */
  where: string;
  /** A new empty database on that server, under a name of the bench's own; its URL. */
  database: (name: string) => Promise<string>;
  /** Drops the databases made, and stops the server if the bench started it. */
  close: () => Promise<void>;
}

/** Whether .ci/pg-server.sh can find PostgreSQL's server binaries here (its own search, in the same order). */
function serverBinariesFound(): boolean {
  const major = process.env.PG_MAJOR ?? '15';
  const bindir = process.env.PG_BINDIR ?? `/usr/lib/postgresql/${major}/bin`;
  if (existsSync(path.join(bindir, 'postgres'))) return true;
  if (process.env.PG_BINDIR) return false;
  const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return found.status === 0 && existsSync(path.join(found.stdout.trim(), 'postgres'));
}

/**
 * The PostgreSQL a bench runs on: the server at BENCH_DATABASE_URL when set; otherwise a throwaway
 * server started with .ci/pg-server.sh in a temporary directory (durability off, as for the tests)
 * when the server binaries are installed; otherwise null, and the bench says what it skipped.
 */
export async function benchPostgres(): Promise<BenchPostgres | null> {
  const given = process.env.BENCH_DATABASE_URL;
  let serverUrl: string;
  let stopServer: (() => Promise<void>) | null = null;
  let origin: string;
  if (given) {
    serverUrl = given;
    origin = 'BENCH_DATABASE_URL';
  } else if (existsSync(SCRIPT) && serverBinariesFound()) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pulih-bench-pg-'));
    const started = await run('bash', [SCRIPT, 'start', dir]);
    serverUrl = started.stdout.trim();
    stopServer = async () => {
      await run('bash', [SCRIPT, 'stop', dir]);
    };
    origin = 'throwaway server of .ci/pg-server.sh, fsync off';
  } else {
    return null;
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    await stopServer?.();
    throw error;
  }
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
  const made: string[] = [];
  return {
    where: `PostgreSQL ${version} (${origin})`,
    database: async (name) => {
      if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bench database name ${name}: lower-case letters, digits and _ only`);
      const full = `pulih_bench_${name}`;
      await admin.query(`DROP DATABASE IF EXISTS ${full} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${full}`);
      made.push(full);
      const url = new URL(serverUrl);
      url.pathname = `/${full}`;
      return url.toString();
    },
    close: async () => {
      try {
        if (!stopServer) for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
        await stopServer?.();
      }
    },
  };
}

/** Printed by a figure that needs PostgreSQL when none is to be had. */
export const NO_POSTGRES =
  'needs PostgreSQL: set BENCH_DATABASE_URL to a server the bench may create databases on, or install the PostgreSQL 15 server binaries (.ci/pg-server.sh starts a throwaway one)';
