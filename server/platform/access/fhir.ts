import { type Builder, type Side, type World, facility, person, personOf } from './world.ts';

/** A new person of the side's unit with consent to share with SATUSEHAT in force; the consent's id. */
const consented = async (w: World, side: Side) => {
  const wbpId = await person(w, side);
  const row = await w.db.insertInto('health_platform_consents').values({
    wbp_id: wbpId, given_on: '2026-11-20', method: 'signed_form', recorded_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow();
  return { wbpId, consentId: row.id };
};

/** One request per route of this area for the access walk (see world.ts). */
export const fhirRequests: Record<string, Builder> = {
  'GET /api/wbp/:id/fhir': async (w, side) => ({
    method: 'GET', url: `/api/wbp/${side === 'own' ? (await consented(w, 'own')).wbpId : w.otherPersonId}/fhir`,
  }),
  'GET /api/facilities/:facilityId/fhir/export': async (w, side) => ({
    method: 'GET', url: `/api/facilities/${facility(w, side).id}/fhir/export?from=2026-11-01&to=2026-11-30`,
  }),
  'GET /api/wbp/:id/health-platform-consents': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/health-platform-consents` }),
  'POST /api/wbp/:id/health-platform-consents': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await person(w, side)}/health-platform-consents`, payload: { givenOn: '2026-11-20', method: 'signed_form' },
  }),
  'POST /api/health-platform-consents/:id/revoke': async (w, side) => ({
    method: 'POST', url: `/api/health-platform-consents/${(await consented(w, side)).consentId}/revoke`,
    payload: { revokedOn: '2026-11-21', reason: 'Menarik persetujuan.' },
  }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const fhirFacilityNeutral: readonly string[] = [];
