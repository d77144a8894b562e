import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the research export key in the environment', () => {
  it('is taken from RESEARCH_EXPORT_SECRET', () => {
    expect(loadConfig({ RESEARCH_EXPORT_SECRET: 'kunci-riset-yang-panjang' }).researchExportSecret).toBe('kunci-riset-yang-panjang');
  });

  it('is left to the installation when the variable is unset', () => {
    expect(loadConfig({}).researchExportSecret).toBeUndefined();
  });

  it('stops the start with the variable named when it is too short to be a key', () => {
    expect(() => loadConfig({ RESEARCH_EXPORT_SECRET: 'pendek' })).toThrow(/RESEARCH_EXPORT_SECRET/);
  });
});

describe('the read replica in the environment', () => {
  const primary = 'postgres://pulih@db-primary:5432/pulih';
  const replica = 'postgres://pulih@db-replica:5432/pulih';

  it('is taken from READ_DATABASE_URL beside DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: primary, READ_DATABASE_URL: replica }).readDatabaseUrl).toBe(replica);
  });

  it('stops the start with the variable named when there is no primary', () => {
    expect(() => loadConfig({ READ_DATABASE_URL: replica })).toThrow(/READ_DATABASE_URL: needs DATABASE_URL/);
  });

  it('stops the start with the variable named when it is not a PostgreSQL address', () => {
    expect(() => loadConfig({ DATABASE_URL: primary, READ_DATABASE_URL: 'mysql://db/pulih' })).toThrow(/READ_DATABASE_URL/);
  });
});

describe('the connection pool size', () => {
  it('is 10 unless DATABASE_POOL_MAX says otherwise', () => {
    expect([loadConfig({}).databasePoolMax, loadConfig({ DATABASE_POOL_MAX: '40' }).databasePoolMax]).toEqual([10, 40]);
  });

  it('stops the start with the variable named when it is not a positive number', () => {
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
  });
});
