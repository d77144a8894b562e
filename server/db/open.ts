import path from 'node:path';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in the data directory. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databasePoolMax'>>): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, { max: config.databasePoolMax ?? 10 });
  return openPglite(path.join(config.dataDir, 'pglite'));
}

/**
 * The replica the reports read from (READ_DATABASE_URL), or null: then they read the primary. It is
 * never migrated: it follows the primary's schema by replication.
 */
export function openReadDatabase(config: Pick<Config, 'readDatabaseUrl' | 'databasePoolMax'>): DatabaseHandle | null {
  return config.readDatabaseUrl ? openPostgres(config.readDatabaseUrl, { max: config.databasePoolMax }) : null;
}

export async function openMigratedDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databasePoolMax'>>): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = await openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    return { ...handle, applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'readDatabaseUrl'>>): string {
  if (!config.databaseUrl) return `PGlite (tertanam) di ${path.join(config.dataDir, 'pglite')}`;
  const where = (text: string) => {
    const url = new URL(text);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  };
  return `PostgreSQL ${where(config.databaseUrl)}${config.readDatabaseUrl ? `, laporan dibaca dari replika ${where(config.readDatabaseUrl)}` : ''}`;
}
