import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { Db } from '../db/database.ts';
import { TEST_PASSWORD } from './factories.ts';
import { freshDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  close: () => Promise<void>;
}

/** The real app, wired as in production, on a fresh migrated database of its own. */
export async function testApp(options: { now?: () => Date; loginMaxPer15Min?: number } = {}): Promise<TestApp> {
  const handle = await freshDatabase();
  const app = await buildApp({
    db: handle.db,
    databaseKind: handle.kind,
    logger: false,
    ...(options.now ? { now: options.now } : {}),
    config: {
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      loginMaxPer15Min: options.loginMaxPer15Min ?? 1000,
      secureCookies: 'false',
      logLevel: 'silent',
      webRoot: '/nonexistent',
    },
  });
  await app.ready();
  return {
    app,
    db: handle.db,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}

/** Signs in through the real login route and returns a client that sends the cookie and CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'pulih_sid');
  if (!cookie) throw new Error('login set no session cookie');
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  const header = `pulih_sid=${cookie.value}`;
  return {
    cookie: header,
    csrf,
    request: (options) =>
      app.inject({ ...options, headers: { cookie: header, 'x-csrf-token': csrf, ...(options.headers ?? {}) } }),
  };
}
