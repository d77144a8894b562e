import { type Builder, type Side, type World, facility, personOf } from './world.ts';

/** A training of the side's unit with one participant written out. */
async function trainingRow(w: World, side: Side): Promise<string> {
  const t = await w.db
    .insertInto('trainings')
    .values({
      facility_id: facility(w, side).id, title: 'Bimbingan teknis asesmen', kind: 'bimtek', starts_on: '2026-11-02', ends_on: '2026-11-03', hours: 16,
      place: 'Aula', created_by: w.users.clinic_staff.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await w.db.insertInto('training_participants').values({ training_id: t.id, name: 'dr. Ratna Sari', hours_attended: 16, result: 'completed' }).execute();
  return t.id;
}

/** An active peer counsellor of the side's unit: the side's person. */
async function peerRow(w: World, side: Side): Promise<string> {
  const pc = await w.db
    .insertInto('peer_counsellors')
    .values({ wbp_id: await personOf(w, side), facility_id: facility(w, side).id, started_on: '2026-11-02', created_by: w.users.clinic_staff.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await w.db.insertInto('peer_counsellor_groups').values({ peer_counsellor_id: pc.id, description: 'Blok C' }).execute();
  return pc.id;
}

/** One request per route of this area for the access walk (see world.ts). */
export const staffRequests: Record<string, Builder> = {
  'GET /api/facilities/:facilityId/staff': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/staff` }),
  'POST /api/facilities/:facilityId/staff/:userId/qualifications': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/staff/${w.users.clinic_staff.id}/qualifications`,
    payload: { kind: 'addiction_counsellor', certificateNumber: 'KA-001/2026', issuedOn: '2026-01-05', expiresOn: '2029-01-05' },
  }),
  'GET /api/facilities/:facilityId/trainings': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/trainings` }),
  'POST /api/facilities/:facilityId/trainings': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/trainings`,
    payload: {
      title: 'Bimbingan teknis konseling adiksi', kind: 'bimtek', startsOn: '2026-11-02', endsOn: '2026-11-03', hours: 16, place: 'Aula',
      participants: [{ name: 'dr. Ratna Sari', position: 'Dokter', hoursAttended: 16, result: 'completed' }],
    },
  }),
  'GET /api/trainings/:id': async (w, side) => ({ method: 'GET', url: `/api/trainings/${await trainingRow(w, side)}` }),
  'GET /api/facilities/:facilityId/peer-counsellors': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/peer-counsellors` }),
  'GET /api/facilities/:facilityId/peer-counsellors/candidates': async (w, side) => ({
    method: 'GET', url: `/api/facilities/${facility(w, side).id}/peer-counsellors/candidates`,
  }),
  'POST /api/facilities/:facilityId/peer-counsellors': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/peer-counsellors`,
    payload: { wbpId: await personOf(w, side), startedOn: '2026-11-02', groups: [{ description: 'Blok C' }] },
  }),
  'POST /api/peer-counsellors/:id/end': async (w, side) => ({
    method: 'POST', url: `/api/peer-counsellors/${await peerRow(w, side)}/end`, payload: { endedOn: '2026-11-10', reason: 'stepped_down' },
  }),
  'GET /api/facilities/:facilityId/campaigns': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/campaigns` }),
  'POST /api/facilities/:facilityId/campaigns': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/campaigns`,
    payload: { heldOn: '2026-11-10', place: 'Aula', topic: 'Bahaya narkoba', audience: { wbp: 30, staff: 2, family: 0, public: 0 } },
  }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const staffFacilityNeutral: readonly string[] = [];
