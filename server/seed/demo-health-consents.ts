import type { DbOrTrx } from '../db/database.ts';
import { addDays } from './random.ts';

// Consents to share health data with SATUSEHAT in the demo's first Rutan, so its FHIR export has
// content: five people placed in rehabilitation (four on a signed form, one verbally before a
// witness), one person screened only, and one placed person whose consent was revoked (history
// kept, left out of the export). Everyone else there has none, as most people will at first.

const REVOKED_REASON = 'Warga binaan menarik persetujuan setelah berdiskusi dengan keluarga.';

export async function seedHealthConsents(trx: DbOrTrx, facilityId: string, anchor: string): Promise<void> {
  const clinician = await trx.selectFrom('users').select('id').where('username', '=', 'klinik.serang').executeTakeFirstOrThrow();
  const placed = await trx.selectFrom('wbp').select('wbp.id')
    .where('wbp.facility_id', '=', facilityId)
    .where(({ exists, selectFrom }) => exists(selectFrom('placement_decisions').select('placement_decisions.id').whereRef('placement_decisions.wbp_id', '=', 'wbp.id')))
    .orderBy('wbp.sdp_number').limit(6).execute();
  const screenedOnly = await trx.selectFrom('wbp').select('wbp.id')
    .where('wbp.facility_id', '=', facilityId)
    .where(({ exists, not, selectFrom }) => exists(selectFrom('screenings').select('screenings.id').whereRef('screenings.wbp_id', '=', 'wbp.id'))
      .and(not(exists(selectFrom('placement_decisions').select('placement_decisions.id').whereRef('placement_decisions.wbp_id', '=', 'wbp.id')))))
    .orderBy('wbp.sdp_number').limit(1).execute();
  if (placed.length < 6 || screenedOnly.length < 1) throw new Error('demo health consents: not enough people with records in the unit');
  const [a, b, c, d, verbal, revoked] = placed.map((p) => p.id) as [string, string, string, string, string, string];
  const [screened] = screenedOnly.map((p) => p.id) as [string];

  const signed = (wbpId: string, daysAgo: number) => ({
    wbp_id: wbpId, given_on: addDays(anchor, -daysAgo), method: 'signed_form' as const, recorded_by: clinician.id,
  });
  await trx.insertInto('health_platform_consents').values([
    signed(a, 40), signed(b, 33), signed(c, 26), signed(d, 19), signed(screened, 5),
    { wbp_id: verbal, given_on: addDays(anchor, -12), method: 'verbal_witnessed', witness_name: 'Budi Santoso (petugas pengamanan)', recorded_by: clinician.id },
    {
      wbp_id: revoked, given_on: addDays(anchor, -90), method: 'signed_form', recorded_by: clinician.id,
      revoked_on: addDays(anchor, -30), revocation_reason: REVOKED_REASON, revoked_by: clinician.id,
    },
  ]).execute();
}
