import { URINE_PANEL, type UrineResults } from '../../../shared/domain/urine.ts';
import { type Builder, type Side, type World, enrolledOf, facility, personOf } from './world.ts';

const NEGATIVE = Object.fromEntries(URINE_PANEL.map((s) => [s, 'negative'])) as UrineResults;

/** A urine test of the side's person (unit B's marked person for 'other') at a stage of its chain of custody. */
async function testAt(w: World, side: Side, status: 'planned' | 'collected' | 'sent' | 'resulted'): Promise<string> {
  const by = w.users.clinic_staff.id;
  const collected = status !== 'planned'
    ? { observed_by: by, collected_by: by, collected_at: new Date('2026-11-20T02:00:00Z'), seal_number: 'SEGEL-001' }
    : {};
  const sent = status === 'sent' ? { sent_to: 'Laboratorium BNNK', sent_at: new Date('2026-11-20T03:00:00Z') } : {};
  const resulted = status === 'resulted'
    ? { results: JSON.stringify({ ...NEGATIVE, opiates: 'positive' }), outcome: 'positive' as const, resulted_by: by, resulted_at: new Date('2026-11-20T04:00:00Z') }
    : {};
  const row = await w.db.insertInto('urine_tests').values({
    wbp_id: await personOf(w, side), facility_id: facility(w, side).id, reason: 'routine', planned_on: '2026-11-20', created_by: by, status,
    ...collected, ...sent, ...resulted,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A day's selection in the side's unit, with one test of the side's person. */
async function selectionOf(w: World, side: Side): Promise<string> {
  const wbpId = await personOf(w, side);
  const selection = await w.db.insertInto('urine_selections').values({
    facility_id: facility(w, side).id, date: '2026-11-20', seed: 'UJIAKSES', programme_ids: '[]', requested: 1, candidates: JSON.stringify([wbpId]),
    selected_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow();
  await w.db.insertInto('urine_tests').values({
    wbp_id: wbpId, facility_id: facility(w, side).id, selection_id: selection.id, reason: 'random', planned_on: '2026-11-20', created_by: w.users.clinic_staff.id,
  }).execute();
  return selection.id;
}

/** One request per route of this area for the access walk (see world.ts). */
export const urineRequests: Record<string, Builder> = {
  'POST /api/facilities/:facilityId/urine/selections': async (w, side) => {
    await enrolledOf(w, side);
    return { method: 'POST', url: `/api/facilities/${facility(w, side).id}/urine/selections`, payload: { date: '2026-11-20', count: 1 } };
  },
  'GET /api/facilities/:facilityId/urine/selections': async (w, side) => ({
    method: 'GET', url: `/api/facilities/${facility(w, side).id}/urine/selections?date=2026-11-20`,
  }),
  'GET /api/urine/selections/:id': async (w, side) => ({ method: 'GET', url: `/api/urine/selections/${await selectionOf(w, side)}` }),
  'POST /api/wbp/:id/urine-tests': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await personOf(w, side)}/urine-tests`, payload: { reason: 'entry', plannedOn: '2026-11-21' },
  }),
  'GET /api/wbp/:id/urine-tests': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/urine-tests` }),
  'POST /api/urine-tests/:id/collect': async (w, side) => ({
    method: 'POST', url: `/api/urine-tests/${await testAt(w, side, 'planned')}/collect`,
    payload: { observedBy: w.users.clinic_staff.id, collectedAt: '2026-11-20T02:00:00.000Z', sealNumber: 'SEGEL-002', version: 1 },
  }),
  'POST /api/urine-tests/:id/refuse': async (w, side) => ({
    method: 'POST', url: `/api/urine-tests/${await testAt(w, side, 'planned')}/refuse`, payload: { note: 'Menolak memberi sampel', version: 1 },
  }),
  'POST /api/urine-tests/:id/send': async (w, side) => ({
    method: 'POST', url: `/api/urine-tests/${await testAt(w, side, 'collected')}/send`,
    payload: { sentTo: 'Laboratorium BNNK', sentAt: '2026-11-20T03:00:00.000Z', version: 1 },
  }),
  'POST /api/urine-tests/:id/receive': async (w, side) => ({
    method: 'POST', url: `/api/urine-tests/${await testAt(w, side, 'sent')}/receive`,
    payload: { receivedBy: 'Analis laboratorium', receivedAt: '2026-11-20T05:00:00.000Z', version: 1 },
  }),
  'POST /api/urine-tests/:id/result': async (w, side) => ({
    method: 'POST', url: `/api/urine-tests/${await testAt(w, side, 'collected')}/result`, payload: { results: NEGATIVE, version: 1 },
  }),
  'POST /api/urine-tests/:id/retest': async (w, side) => ({ method: 'POST', url: `/api/urine-tests/${await testAt(w, side, 'resulted')}/retest`, payload: {} }),
  'POST /api/urine-tests/:id/cancel': async (w, side) => ({
    method: 'POST', url: `/api/urine-tests/${await testAt(w, side, 'planned')}/cancel`, payload: { note: 'Dipindahkan ke jadwal lain', version: 1 },
  }),
  'GET /api/facilities/:facilityId/urine/rates': async (w, side) => ({
    method: 'GET', url: `/api/facilities/${facility(w, side).id}/urine/rates?from=2026-11-01&to=2026-11-30`,
  }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const urineFacilityNeutral: readonly string[] = [];
