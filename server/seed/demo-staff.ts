import type { DbOrTrx } from '../db/database.ts';
import { addDays } from './random.ts';

// Staff, trainings, peer counsellors and education campaigns of the demo's first Rutan: certificates
// (one expiring soon, one expired and renewed), a technical guidance and a peer-counsellor training
// with their participants, two peer counsellors in the Therapeutic Community, three campaigns.

export async function seedStaffTraining(trx: DbOrTrx, facilityId: string, anchor: string): Promise<void> {
  const users = new Map((await trx.selectFrom('users').select(['id', 'username', 'full_name', 'organization_id']).execute()).map((u) => [u.username, u]));
  const orgs = new Map((await trx.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const user = (username: string) => {
    const found = users.get(username);
    if (!found) throw new Error(`demo user ${username} missing`);
    return found;
  };
  const clinician = user('klinik.serang').id;

  await trx.insertInto('staff_qualifications').values([
    // Expiring within the 90-day window, so the directory shows the warning.
    { user_id: user('konselor.bnnk').id, kind: 'addiction_counsellor', number: 'LSP-BNN/KA/0456/2023', issued_on: addDays(anchor, -3 * 365 + 60), expires_on: addDays(anchor, 60), issuer: 'LSP BNN' },
    // Expired and renewed: both stay on record.
    { user_id: user('klinik.serang').id, kind: 'doctor', number: 'STR-3671/2021/0088', issued_on: addDays(anchor, -5 * 365 - 30), expires_on: addDays(anchor, -30), issuer: 'Konsil Kedokteran Indonesia' },
    { user_id: user('klinik.serang').id, kind: 'doctor', number: 'STR-3671/2026/0142', issued_on: addDays(anchor, -29), expires_on: null, issuer: 'Konsil Kedokteran Indonesia' },
    { user_id: user('asesor.bnnk').id, kind: 'psychologist', number: 'SIPP-0921-19-2-1', issued_on: addDays(anchor, -700), expires_on: addDays(anchor, 1100), issuer: 'HIMPSI' },
  ]).execute();

  const bimtek = await trx.insertInto('trainings').values({
    facility_id: facilityId, title: 'Bimbingan Teknis Asesmen dan Rencana Terapi Rehabilitasi', kind: 'bimtek',
    starts_on: addDays(anchor, -40), ends_on: addDays(anchor, -38), hours: 24, organizer_id: orgs.get('BNNP-BANTEN') ?? null, place: 'Aula Rehabilitasi Rutan Serang',
    note: 'Materi: ASI, rencana terapi, rujukan.', created_by: clinician,
  }).returning('id').executeTakeFirstOrThrow();
  const staffOf = (username: string) => ({ user_id: user(username).id, name: user(username).full_name, organization_id: user(username).organization_id });
  await trx.insertInto('training_participants').values([
    { training_id: bimtek.id, ...staffOf('klinik.serang'), position: 'Dokter klinik', hours_attended: 24, result: 'completed', certificate_number: 'BNNP-BTN/BT/2026/031' },
    { training_id: bimtek.id, ...staffOf('konselor.bnnk'), position: 'Konselor adiksi', hours_attended: 24, result: 'completed', certificate_number: 'BNNP-BTN/BT/2026/032' },
    { training_id: bimtek.id, ...staffOf('petugas.serang'), position: 'Petugas pembinaan', hours_attended: 16, result: 'not_completed' },
    { training_id: bimtek.id, user_id: null, name: 'Ns. Lina Marlina', position: 'Perawat Puskesmas Serang Kota', organization_id: null, hours_attended: 24, result: 'completed', certificate_number: 'BNNP-BTN/BT/2026/033' },
  ]).execute();

  // The Therapeutic Community's first three members take the peer-counsellor training; two complete it.
  const community = await trx
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('wbp', 'wbp.id', 'e.wbp_id')
    .select(['e.wbp_id', 'wbp.full_name', 'p.id as programme_id'])
    .where('p.facility_id', '=', facilityId)
    .where('p.kind', '=', 'social')
    .where('e.status', '=', 'active')
    .orderBy('wbp.full_name')
    .limit(3)
    .execute();
  if (community.length < 2) return;
  const peerTraining = await trx.insertInto('trainings').values({
    facility_id: facilityId, title: 'Pelatihan Konselor Sebaya Warga Binaan', kind: 'peer_counsellor',
    starts_on: addDays(anchor, -30), ends_on: addDays(anchor, -26), hours: 30, organizer_id: orgs.get('BNNK-SERANG') ?? null, place: 'Blok Rehabilitasi Rutan Serang',
    created_by: clinician,
  }).returning('id').executeTakeFirstOrThrow();
  const participants = await trx.insertInto('training_participants').values(community.map((m, i) => ({
    training_id: peerTraining.id, wbp_id: m.wbp_id, name: m.full_name, hours_attended: i < 2 ? 30 : 18, result: i < 2 ? 'completed' as const : 'not_completed' as const,
    certificate_number: i < 2 ? `BNNK-SRG/KS/2026/${String(i + 1).padStart(3, '0')}` : null,
  }))).returning(['id', 'wbp_id']).execute();
  for (const [i, m] of community.slice(0, 2).entries()) {
    const pc = await trx.insertInto('peer_counsellors').values({
      wbp_id: m.wbp_id, facility_id: facilityId, training_participant_id: participants.find((p) => p.wbp_id === m.wbp_id)?.id ?? null,
      started_on: addDays(anchor, -20), created_by: clinician,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('peer_counsellor_groups').values({ peer_counsellor_id: pc.id, programme_id: m.programme_id, group_label: `Kelompok ${i + 1}` }).execute();
  }

  await trx.insertInto('campaigns').values([
    {
      facility_id: facilityId, held_on: addDays(anchor, -50), place: 'Aula Rutan Serang', topic: 'Bahaya narkotika dan layanan rehabilitasi',
      partner_id: orgs.get('BNNK-SERANG') ?? null, audience_wbp: 85, audience_staff: 12, facilitators: ['Penyuluh Narkoba Ahli Muda BNNK Serang'], created_by: clinician,
    },
    {
      facility_id: facilityId, held_on: addDays(anchor, -21), place: 'Ruang kunjungan', topic: 'Peran keluarga dalam pemulihan',
      partner_id: orgs.get('BNNK-SERANG') ?? null, audience_wbp: 20, audience_family: 34, facilitators: ['Konselor adiksi BNNK Serang'], created_by: clinician,
    },
    {
      facility_id: facilityId, held_on: addDays(anchor, -7), place: 'Alun-alun Kota Serang', topic: 'Kampanye Hari Anti Narkotika: cegah penularan HIV',
      partner_id: orgs.get('DINKES-SERANG') ?? null, audience_staff: 8, audience_public: 150, facilitators: ['dr. Siti Nurhaliza', 'Petugas VCT Dinkes Serang'],
      note: 'Bersama pemeriksaan VCT sukarela.', created_by: clinician,
    },
  ]).execute();
}
