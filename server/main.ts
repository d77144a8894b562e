import type { FastifyInstance } from 'fastify';
import { jakartaDate } from '../shared/domain/dates.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { describeDatabase, openMigratedDatabase, openReadDatabase } from './db/open.ts';
import { seedDemo, type SeedResult } from './seed/demo.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  seed: SeedResult | null;
  stop: () => Promise<void>;
}

/** The process: open and migrate the database, seed a first start, listen, and stop cleanly. */
export async function startServer(config: Config, log: (line: string) => void): Promise<RunningServer> {
  const handle = await openMigratedDatabase(config);
  log(`Basis data: ${describeDatabase(config)}${handle.applied.length > 0 ? ` (migrasi: ${handle.applied.join(', ')})` : ''}`);
  const wantsDemo = config.seedDemo === 'true' || (config.seedDemo === 'auto' && handle.kind === 'pglite');
  const seed = wantsDemo ? await seedDemo(handle.db, { anchor: jakartaDate(new Date()) }) : null;
  const replica = openReadDatabase(config);
  const app = await buildApp({ db: handle.db, ...(replica ? { readDb: replica.db } : {}), databaseKind: handle.kind, config });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  const url = `http://localhost:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await replica?.close();
      await handle.close();
    })();
    return stopping;
  };
  return { app, url, seed, stop };
}
