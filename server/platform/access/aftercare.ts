import type { Role } from '../../../shared/contracts/common.ts';
import { makeOrganization } from '../../testing/factories.ts';
import { type Builder, type Side, type World, facility, personOf } from './world.ts';

// Aftercare referrals are read by the sending unit's staff and by the receiving organisation while
// the person's consent to it is in force, never by unit scope alone. So the "own" referral is
// addressed to the asker's own organisation with consent in force (the sending unit's staff reach it
// as senders), and the "other" one comes from unit B addressed to the asker's organisation with the
// consent revoked: neither the sender path nor the receiver path reaches it.

/** The side's release plan under way (made when there is none), optionally already carried out. */
async function planOf(w: World, side: Side, wbpId: string, released = false): Promise<string> {
  const existing = await w.db.selectFrom('release_plans').select('id').where('wbp_id', '=', wbpId).where('status', '=', 'planned').executeTakeFirst();
  if (existing && !released) return existing.id;
  const made = await w.db.insertInto('release_plans').values({
    wbp_id: wbpId, facility_id: facility(w, side).id, kind: 'pb', decision_number: 'PAS-UJI', decision_date: '2026-10-01', expected_on: released ? '2026-10-10' : '2026-12-20',
    status: released ? 'released' : 'planned', released_on: released ? '2026-10-10' : null, created_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow();
  if (released) await w.db.updateTable('wbp').set({ released_on: '2026-10-10' }).where('id', '=', wbpId).execute();
  return made.id;
}

async function consentFor(w: World, wbpId: string, organizationId: string, revoked: boolean): Promise<string> {
  return (await w.db.insertInto('aftercare_consents').values({
    wbp_id: wbpId, organization_id: organizationId, given_on: '2026-10-01', method: 'signed_form', recorded_by: w.users.clinic_staff.id,
    ...(revoked ? { revoked_on: '2026-10-05', revocation_reason: 'Dicabut', revoked_by: w.users.clinic_staff.id } : {}),
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * A referral of the side's person addressed to the asker's organisation (the partner when no role is
 * given): consent in force for 'own', revoked for 'other'. Accepted and released when asked.
 */
async function referralFor(w: World, side: Side, role: Role | undefined, state: { accepted?: boolean } = {}): Promise<string> {
  const wbpId = await personOf(w, side);
  const to = role ? w.orgOf[role] : w.partner.id;
  const released = state.accepted === true;
  const planId = await planOf(w, side, wbpId, released);
  await consentFor(w, wbpId, to, side === 'other');
  const row = await w.db.insertInto('referrals').values({
    wbp_id: wbpId, facility_id: facility(w, side).id, kind: 'aftercare', to_organization_id: to, to_name: 'Penerima uji', reason: 'Pembebasan bersyarat',
    care_plan: 'Wajib lapor bulanan', referred_on: '2026-10-10', release_plan_id: planId, release_kind: 'pb', status: state.accepted ? 'accepted' : 'sent',
    follow_up_months: [1, 3, 6, 12], created_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One request per route of this area for the access walk (see world.ts). */
export const aftercareRequests: Record<string, Builder> = {
  'GET /api/aftercare/settings': async () => ({ method: 'GET', url: '/api/aftercare/settings' }),
  'PUT /api/aftercare/settings': async () => ({ method: 'PUT', url: '/api/aftercare/settings', payload: { followUpMonths: [1, 3, 6, 12] } }),
  'GET /api/facilities/:facilityId/releases': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/releases?months=3` }),
  'GET /api/wbp/:id/aftercare': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/aftercare` }),
  'POST /api/wbp/:id/release-plans': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await personOf(w, side)}/release-plans`, payload: { kind: 'cb', decisionNumber: 'CB-UJI-1', decisionDate: '2026-11-02', expectedOn: '2026-12-20' },
  }),
  'POST /api/release-plans/:id/release': async (w, side) => {
    const wbpId = await personOf(w, side);
    return { method: 'POST', url: `/api/release-plans/${await planOf(w, side, wbpId)}/release`, payload: { releasedOn: '2026-11-16' } };
  },
  'POST /api/release-plans/:id/cancel': async (w, side) => {
    const wbpId = await personOf(w, side);
    return { method: 'POST', url: `/api/release-plans/${await planOf(w, side, wbpId)}/cancel`, payload: { reason: 'Keputusan PB dicabut' } };
  },
  'POST /api/wbp/:id/consents': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await personOf(w, side)}/consents`,
    payload: { organizationId: (await makeOrganization(w.db, { kind: 'bnnk' })).id, givenOn: '2026-11-16', method: 'signed_form' },
  }),
  'POST /api/consents/:id/revoke': async (w, side) => {
    const id = await consentFor(w, await personOf(w, side), (await makeOrganization(w.db, { kind: 'ipwl' })).id, false);
    return { method: 'POST', url: `/api/consents/${id}/revoke`, payload: { revokedOn: '2026-11-16', reason: 'Tidak bersedia' } };
  },
  'POST /api/wbp/:id/aftercare-referrals': async (w, side) => {
    const wbpId = await personOf(w, side);
    const to = (await makeOrganization(w.db, { kind: 'bapas' })).id;
    await consentFor(w, wbpId, to, false);
    return {
      method: 'POST', url: `/api/wbp/${wbpId}/aftercare-referrals`,
      payload: { releasePlanId: await planOf(w, side, wbpId), toOrganizationId: to, reason: 'Pembebasan bersyarat', carePlan: 'Wajib lapor', referredOn: '2026-11-16' },
    };
  },
  'GET /api/facilities/:facilityId/aftercare-referrals': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/aftercare-referrals` }),
  'GET /api/aftercare/inbox': async () => ({ method: 'GET', url: '/api/aftercare/inbox' }),
  'GET /api/aftercare/referrals/:id': async (w, side, role) => ({ method: 'GET', url: `/api/aftercare/referrals/${await referralFor(w, side, role)}` }),
  'GET /api/aftercare/referrals/:id/handover.pdf': async (w, side, role) => ({ method: 'GET', url: `/api/aftercare/referrals/${await referralFor(w, side, role)}/handover.pdf` }),
  'POST /api/aftercare/referrals/:id/accept': async (w, side, role) => ({ method: 'POST', url: `/api/aftercare/referrals/${await referralFor(w, side, role)}/accept` }),
  'POST /api/aftercare/referrals/:id/decline': async (w, side, role) => ({
    method: 'POST', url: `/api/aftercare/referrals/${await referralFor(w, side, role)}/decline`, payload: { reason: 'Di luar wilayah' },
  }),
  'POST /api/aftercare/referrals/:id/follow-ups': async (w, side, role) => ({
    method: 'POST', url: `/api/aftercare/referrals/${await referralFor(w, side, role, { accepted: true })}/follow-ups`,
    payload: { month: 1, doneOn: '2026-11-12', contactMade: true, urine: 'negative' },
  }),
  'POST /api/aftercare/referrals/:id/close': async (w, side, role) => ({
    method: 'POST', url: `/api/aftercare/referrals/${await referralFor(w, side, role, { accepted: true })}/close`, payload: { outcome: 'stable', closedOn: '2026-11-16' },
  }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const aftercareFacilityNeutral: readonly string[] = ['GET /api/aftercare/settings', 'PUT /api/aftercare/settings', 'GET /api/aftercare/inbox'];
