import { describe, expect, it, vi } from 'vitest';
import { QueryClient, type QueryKey } from '@tanstack/react-query';

// The features' api modules load the dictionaries, which mark <html lang>.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { invalidateCareRecord } = await import('./careRecord.ts');
const { clinicalKeys } = await import('../features/clinical/api.ts');
const { incidentsKeys } = await import('../features/incidents/api.ts');
const { notesKeys } = await import('../features/notes/api.ts');
const { outcomeKeys } = await import('../features/outcomes/api.ts');
const { progressKeys } = await import('../features/progress/api.ts');
const { ptrmKeys } = await import('../features/ptrm/api.ts');
const { recordKeys } = await import('../features/record/api.ts');
const { urineKeys } = await import('../features/urine/api.ts');

const ANA = '00000000-0000-4000-8000-00000000000a';
const BUDI = '00000000-0000-4000-8000-00000000000b';

/** A cache holding the given entries, as the screens leave it. */
function cacheWith(keys: QueryKey[]): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { held: true });
  return client;
}

const stale = (client: QueryClient, key: QueryKey) => client.getQueryState(key)?.isInvalidated ?? false;

describe('invalidateCareRecord', () => {
  it("refreshes every page and filter of the person's timeline", () => {
    const pages = [recordKeys.timeline(ANA, { kinds: [], page: 1, pageSize: 25 }), recordKeys.timeline(ANA, { kinds: ['urine'], page: 2, pageSize: 25 })];
    const client = cacheWith(pages);
    invalidateCareRecord(client, ANA);
    expect(pages.map((k) => stale(client, k))).toEqual([true, true]);
  });

  it("leaves another person's timeline alone", () => {
    const other = recordKeys.timeline(BUDI, { kinds: [], page: 1, pageSize: 25 });
    const client = cacheWith([other]);
    invalidateCareRecord(client, ANA);
    expect(stale(client, other)).toBe(false);
  });

  it('refreshes only the areas named, under the keys the features read', () => {
    const named = [
      progressKeys.progress(ANA), urineKeys.person(ANA), notesKeys.enrolments(ANA), incidentsKeys.page(ANA, 1),
      ptrmKeys.overview(ANA), outcomeKeys.outcomes(ANA), clinicalKeys.assessments(ANA),
      progressKeys.tasks('facility-1', { status: 'open', page: 1, pageSize: 25 }),
    ];
    const unnamed = [notesKeys.page(ANA, 1), urineKeys.day('facility-1', '2026-11-21'), progressKeys.person(ANA)];
    const client = cacheWith([...named, ...unnamed]);
    invalidateCareRecord(client, ANA, 'progress', 'urine', 'enrolments', 'incidents', 'ptrm', 'outcomes', 'assessments', 'tasks');
    expect(named.filter((k) => !stale(client, k))).toEqual([]);
    expect(unnamed.filter((k) => stale(client, k))).toEqual([]);
  });
});
