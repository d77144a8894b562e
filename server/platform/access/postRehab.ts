import { makeAftercareReferral, makeOrganization, makeProgramme } from '../../testing/factories.ts';
import { type Builder, type Side, type World, facility } from './world.ts';

// A Bapas's post-rehabilitation programmes: the asker's own unit under `postrehab.manage` is the
// Bapas for its staff (world.ts worldFor) and unit A for a custodial unit's head and clinic staff.
// The "own" client was released from another Rutan, referred to that unit and accepted, with consent
// in force; the "other" programme and client belong to unit B, where the roles under test do not work.

async function postRehabProgramme(w: World, side: Side): Promise<string> {
  return (await makeProgramme(w.db, facility(w, side).id, 'post_rehab')).id;
}

async function acceptedClient(w: World, side: Side): Promise<string> {
  const from = await makeOrganization(w.db, { kind: 'rutan', parent_id: w.kanwil.id });
  return (await makeAftercareReferral(w.db, { fromFacilityId: from.id, toOrganizationId: facility(w, side).id, by: w.users.clinic_staff.id })).referralId;
}

/** One request per route of this area for the access walk (see world.ts). */
export const postRehabRequests: Record<string, Builder> = {
  'GET /api/programmes/:id/post-rehab-enrolments': async (w, side) => ({ method: 'GET', url: `/api/programmes/${await postRehabProgramme(w, side)}/post-rehab-enrolments` }),
  'POST /api/programmes/:id/post-rehab-enrolments': async (w, side) => {
    const programmeId = await postRehabProgramme(w, side);
    return { method: 'POST', url: `/api/programmes/${programmeId}/post-rehab-enrolments`, payload: { referralId: await acceptedClient(w, side), startDate: '2026-11-16' } };
  },
  'POST /api/post-rehab-enrolments/:id/end': async (w, side) => {
    const programmeId = await postRehabProgramme(w, side);
    const referralId = await acceptedClient(w, side);
    const referral = await w.db.selectFrom('referrals').select('wbp_id').where('id', '=', referralId).executeTakeFirstOrThrow();
    const enrolment = await w.db.insertInto('enrolments').values({
      wbp_id: referral.wbp_id, programme_id: programmeId, referral_id: referralId, decision_id: null, status: 'active', start_date: '2026-11-02', expected_end_date: '2027-01-25',
    }).returning('id').executeTakeFirstOrThrow();
    return { method: 'POST', url: `/api/post-rehab-enrolments/${enrolment.id}/end`, payload: { status: 'completed', endedOn: '2026-11-16' } };
  },
  'GET /api/facilities/:facilityId/post-rehab-candidates': async (w, side) => {
    await acceptedClient(w, side);
    return { method: 'GET', url: `/api/facilities/${facility(w, side).id}/post-rehab-candidates` };
  },
};
