import path from 'node:path';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in the data directory. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(path.join(config.dataDir, 'pglite'));
}

export async function openMigratedDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = await openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    return { ...handle, applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `PGlite (tertanam) di ${path.join(config.dataDir, 'pglite')}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
