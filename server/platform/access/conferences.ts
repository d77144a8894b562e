import { randomBytes } from 'node:crypto';
import { type Builder, type Side, type World, enrolledOf, facility, personOf } from './world.ts';

/** A case conference of the side's unit, discussing the side's person, without decisions that change the record. */
async function conferenceRow(w: World, side: Side): Promise<string> {
  const wbpId = await personOf(w, side);
  const conference = await w.db
    .insertInto('case_conferences')
    .values({ facility_id: facility(w, side).id, held_on: '2026-11-16', title: 'Konferensi kasus bulanan', created_by: w.users.clinic_staff.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await w.db.insertInto('case_conference_attendees').values({ conference_id: conference.id, name: 'dr. Ratna Sari', position: 'Dokter' }).execute();
  await w.db
    .insertInto('case_conference_people')
    .values({ conference_id: conference.id, wbp_id: wbpId, discussion: 'Kemajuan baik.', decision: 'continue', detail: '{}' })
    .execute();
  return conference.id;
}

/** A completed enrolment of the side's person, with a certificate number of its own. */
async function completedOf(w: World, side: Side): Promise<string> {
  const { enrolmentId } = await enrolledOf(w, side);
  await w.db
    .updateTable('enrolments')
    .set({ status: 'completed', ended_on: '2026-11-10', outcome_by: w.users.clinic_staff.id, certificate_number: `${facility(w, side).code}/REH/2026/X${randomBytes(4).toString('hex')}` })
    .where('id', '=', enrolmentId)
    .execute();
  return enrolmentId;
}

/** One request per route of this area for the access walk (see world.ts). */
export const conferencesRequests: Record<string, Builder> = {
  'GET /api/facilities/:facilityId/conferences': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/conferences` }),
  'POST /api/facilities/:facilityId/conferences': async (w, side) => {
    const { wbpId, enrolmentId } = await enrolledOf(w, side);
    return {
      method: 'POST', url: `/api/facilities/${facility(w, side).id}/conferences`,
      payload: {
        heldOn: '2026-11-16', title: 'Konferensi kasus tim terpadu',
        attendees: [{ name: 'dr. Ratna Sari', position: 'Dokter', organizationId: w.partner.id }],
        people: [{ wbpId, enrolmentId, discussion: 'Mengikuti sesi dengan baik.', decision: 'continue' }],
      },
    };
  },
  'GET /api/conferences/:id': async (w, side) => ({ method: 'GET', url: `/api/conferences/${await conferenceRow(w, side)}` }),
  'GET /api/wbp/:id/outcomes': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/outcomes` }),
  'POST /api/enrolments/:id/complete': async (w, side) => ({
    method: 'POST', url: `/api/enrolments/${(await enrolledOf(w, side)).enrolmentId}/complete`, payload: { endedOn: '2026-11-16' },
  }),
  'POST /api/enrolments/:id/drop-out': async (w, side) => ({
    method: 'POST', url: `/api/enrolments/${(await enrolledOf(w, side)).enrolmentId}/drop-out`, payload: { endedOn: '2026-11-16', reason: 'voluntary' },
  }),
  'GET /api/enrolments/:id/certificate.pdf': async (w, side) => ({ method: 'GET', url: `/api/enrolments/${await completedOf(w, side)}/certificate.pdf` }),
  'POST /api/wbp/:id/referrals': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await personOf(w, side)}/referrals`,
    payload: { toOrganizationId: w.partner.id, toName: 'BNNK Uji', reason: 'Pemeriksaan psikiatri lanjutan', referredOn: '2026-11-16' },
  }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const conferencesFacilityNeutral: readonly string[] = [];
