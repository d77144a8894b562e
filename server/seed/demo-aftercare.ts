import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { addDays } from './random.ts';

// Release and aftercare in the demo's first Rutan: three people expected to leave in the coming
// months (parole and leave with their decisions, one at the end of the sentence), and one released
// on parole to Bapas Serang with consent, accepted, with the one-month follow-up recorded.

export async function seedAftercare(trx: DbOrTrx, facilityId: string, anchor: string): Promise<void> {
  const users = new Map((await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const user = (username: string) => {
    const id = users.get(username);
    if (!id) throw new Error(`demo user ${username} missing`);
    return id;
  };
  const bapas = await trx.selectFrom('organizations').select(['id', 'name']).where('code', '=', 'BAPAS-SERANG').executeTakeFirstOrThrow();
  const clinician = user('klinik.serang');
  // Sentenced people outside any programme, admitted long enough ago to have been released on parole.
  const people = await trx.selectFrom('wbp').select(['id'])
    .where('facility_id', '=', facilityId).where('legal_status', '=', 'narapidana').where('admission_date', '<=', addDays(anchor, -120))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('enrolments').select('enrolments.id').whereRef('enrolments.wbp_id', '=', 'wbp.id'))))
    .orderBy('sdp_number').limit(4).execute();
  if (people.length < 4) throw new Error('demo aftercare: not enough people in the unit');
  const [pb, cb, ends, released] = people.map((p) => p.id) as [string, string, string, string];

  await trx.insertInto('release_plans').values([
    { wbp_id: pb, facility_id: facilityId, kind: 'pb', decision_number: 'PAS-1523.PK.05.06/2026', decision_date: addDays(anchor, -10), expected_on: addDays(anchor, 20), created_by: clinician },
    { wbp_id: cb, facility_id: facilityId, kind: 'cb', decision_number: 'W11.PAS.PAS.6-PK.05.06-412', decision_date: addDays(anchor, -5), expected_on: addDays(anchor, 45), created_by: clinician },
    { wbp_id: ends, facility_id: facilityId, kind: 'end_of_sentence', expected_on: addDays(anchor, 75), created_by: clinician },
  ]).execute();
  await trx.insertInto('aftercare_consents').values({
    wbp_id: pb, organization_id: bapas.id, given_on: addDays(anchor, -3), method: 'signed_form', recorded_by: clinician,
  }).execute();

  const releasedOn = addDays(anchor, -40);
  const plan = await trx.insertInto('release_plans').values({
    wbp_id: released, facility_id: facilityId, kind: 'pb', decision_number: 'PAS-1311.PK.05.06/2026', decision_date: addDays(anchor, -60),
    expected_on: releasedOn, status: 'released', released_on: releasedOn, created_by: clinician,
  }).returning('id').executeTakeFirstOrThrow();
  await trx.updateTable('wbp').set({ released_on: releasedOn, version: sql<number>`version + 1` }).where('id', '=', released).execute();
  await trx.insertInto('aftercare_consents').values({
    wbp_id: released, organization_id: bapas.id, given_on: addDays(anchor, -50), method: 'signed_form', recorded_by: clinician,
  }).execute();
  const referral = await trx.insertInto('referrals').values({
    wbp_id: released, facility_id: facilityId, kind: 'aftercare', to_organization_id: bapas.id, to_name: bapas.name,
    reason: 'Pembebasan bersyarat; pembimbingan dan pemantauan pemulihan oleh PK Bapas.',
    care_plan: 'Wajib lapor bulanan ke Bapas, konseling keluarga, tes urine saat kunjungan, rujukan ke IPWL bila kambuh.',
    referred_on: addDays(anchor, -45), release_plan_id: plan.id, release_kind: 'pb', status: 'accepted', follow_up_months: [1, 3, 6, 12],
    answered_by: user('pk.bapas'), answered_at: new Date(`${addDays(anchor, -43)}T02:00:00Z`), created_by: clinician,
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('aftercare_follow_ups').values({
    referral_id: referral.id, month: 1, done_on: addDays(anchor, -8), contact_made: true, urine: 'negative',
    note: 'Kunjungan rumah; tinggal bersama orang tua, bekerja di bengkel.', recorded_by: user('pk.bapas'),
  }).execute();
}
