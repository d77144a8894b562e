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
