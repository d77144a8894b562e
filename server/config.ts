import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://').optional(),
  READ_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'READ_DATABASE_URL must start with postgres://').optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  PULIH_DATA_DIR: z.string().min(1).default('./data'),
  PULIH_SEED_DEMO: z.enum(['true', 'false', 'auto']).default('auto'),
  PULIH_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  PULIH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  PULIH_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  PULIH_LOGIN_MAX_PER_15_MIN: z.coerce.number().int().min(1).max(10_000).default(10),
  PULIH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
  RESEARCH_EXPORT_SECRET: z.string().min(16, 'RESEARCH_EXPORT_SECRET must have at least 16 characters').optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica of DATABASE_URL for the reports' reads; unset: they read the primary. */
  readDatabaseUrl: string | undefined;
  /** Connections each pool keeps to PostgreSQL at most (the primary's and the replica's). */
  databasePoolMax: number;
  dataDir: string;
  /** auto: demo data on a first start of the embedded database only, never on a PostgreSQL server. */
  seedDemo: 'true' | 'false' | 'auto';
  secureCookies: 'true' | 'false' | 'auto';
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxPer15Min: number;
  logLevel: string;
  webRoot: string;
  /** The key of the research files' pseudonyms (docs/exports.md); unset: the installation keeps its own. */
  researchExportSecret: string | undefined;
}

/** Reads the environment once and fails fast, naming the variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.READ_DATABASE_URL && !e.DATABASE_URL) {
    throw new Error('Konfigurasi tidak valid:\n  READ_DATABASE_URL: needs DATABASE_URL, the primary it replicates');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    readDatabaseUrl: e.READ_DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    dataDir: path.resolve(e.PULIH_DATA_DIR),
    seedDemo: e.PULIH_SEED_DEMO,
    secureCookies: e.PULIH_SECURE_COOKIES,
    sessionIdleMs: e.PULIH_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.PULIH_SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginMaxPer15Min: e.PULIH_LOGIN_MAX_PER_15_MIN,
    logLevel: e.PULIH_LOG_LEVEL,
    webRoot: path.resolve(import.meta.dirname, '..', 'dist', 'web'),
    researchExportSecret: e.RESEARCH_EXPORT_SECRET,
  };
}
