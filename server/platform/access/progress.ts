import { type Builder, type Side, type World, enrolledOf, facility, personOf } from './world.ts';

/** A peer role held in the side's community since September. */
const roleRow = async (w: World, side: Side) => {
  const { wbpId, enrolmentId } = await enrolledOf(w, side);
  return (await w.db.insertInto('community_roles').values({
    enrolment_id: enrolmentId, wbp_id: wbpId, role: 'buddy', started_on: '2026-09-10', assigned_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow()).id;
};

/** An open follow-up task of the side's person (a positive urine test). */
const taskRow = async (w: World, side: Side) =>
  (await w.db.insertInto('care_tasks').values({
    wbp_id: await personOf(w, side), facility_id: facility(w, side).id, kind: 'urine_positive', due_on: '2026-11-20',
  }).returning('id').executeTakeFirstOrThrow()).id;

/** One request per route of this area for the access walk (see world.ts). */
export const progressRequests: Record<string, Builder> = {
  'GET /api/wbp/:id/progress': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/progress` }),
  'POST /api/enrolments/:id/phase': async (w, side) => ({
    method: 'POST', url: `/api/enrolments/${(await enrolledOf(w, side)).enrolmentId}/phase`,
    payload: { direction: 'promotion', toPhase: 'core', reason: 'Menyelesaikan evaluasi awal dengan baik', changedOn: '2026-09-20' },
  }),
  'POST /api/enrolments/:id/roles': async (w, side) => ({
    method: 'POST', url: `/api/enrolments/${(await enrolledOf(w, side)).enrolmentId}/roles`, payload: { role: 'expeditor', startedOn: '2026-09-10' },
  }),
  'POST /api/community-roles/:id/end': async (w, side) => ({
    method: 'POST', url: `/api/community-roles/${await roleRow(w, side)}/end`, payload: { endedOn: '2026-10-01' },
  }),
  'POST /api/enrolments/:id/reassessments': async (w, side) => ({
    method: 'POST', url: `/api/enrolments/${(await enrolledOf(w, side)).enrolmentId}/reassessments`, payload: { point: 50 },
  }),
  'GET /api/facilities/:facilityId/care-tasks': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/care-tasks?status=all` }),
  'POST /api/care-tasks/:id/close': async (w, side) => ({
    method: 'POST', url: `/api/care-tasks/${await taskRow(w, side)}/close`, payload: { status: 'done', note: 'Konseling lanjutan sudah dilakukan' },
  }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const progressFacilityNeutral: readonly string[] = [];
