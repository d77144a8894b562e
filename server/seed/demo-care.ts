import { INCIDENT_REVIEW_DAYS } from '../../shared/contracts/notes.ts';
import { POSITIVE_FOLLOW_UP_DAYS, URINE_PANEL, type UrineResults, drawRandom, testOutcome } from '../../shared/domain/urine.ts';
import type { DbOrTrx } from '../db/database.ts';
import { addDays } from './random.ts';

// The care record of the demo's first Rutan, some weeks into the programmes of demo-rehab.ts:
// counselling notes, yesterday's random urine selection with tests at each step of the chain of
// custody (one positive, with its follow-up task), entry urine tests, an incident with its review
// task, promotions from the entry phase of the Therapeutic Community, a peer role, a case
// conference of the integrated team, and one person on methadone (PTRM). Every date is counted
// from the demo's `anchor` (its "today"), so the same anchor gives the same record.

/** Moment `time` (HH:MM, Jakarta) of an ISO date, as a Date. */
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

const NOTES: { kind: 'individual' | 'family'; topic: string; summary: string; plan: string }[] = [
  {
    kind: 'individual',
    topic: 'Orientasi program dan motivasi berubah',
    summary: 'Klien mengikuti sesi pertama dengan kooperatif. Mengakui pemakaian sabu hampir setiap hari selama dua tahun sebelum ditahan dan ingin berhenti demi anak.',
    plan: 'Wawancara motivasional pekan depan; menyusun daftar pemicu pemakaian bersama klien.',
  },
  {
    kind: 'individual',
    topic: 'Mengelola keinginan kuat memakai (craving)',
    summary: 'Klien melaporkan craving saat malam hari dan ketika teman satu kamar membicarakan pemakaian. Sudah mencoba teknik menunda dan mengalihkan perhatian.',
    plan: 'Latihan teknik relaksasi napas; klien mencatat saat craving muncul sampai sesi berikutnya.',
  },
  {
    kind: 'individual',
    topic: 'Pencegahan kekambuhan: situasi berisiko tinggi',
    summary: 'Membahas situasi berisiko setelah bebas: lingkungan rumah, teman lama, dan tekanan ekonomi. Klien dapat menyebutkan tiga situasi dan cara menghindarinya.',
    plan: 'Menyusun rencana pencegahan kekambuhan tertulis; melibatkan keluarga pada konseling keluarga bulan depan.',
  },
  {
    kind: 'family',
    topic: 'Konseling keluarga: dukungan setelah bebas',
    summary: 'Istri klien hadir saat kunjungan. Keluarga bersedia mendukung, tetapi khawatir klien kembali ke lingkungan lama. Komunikasi keduanya membaik.',
    plan: 'Rujukan ke IPWL terdekat menjelang bebas; sesi keluarga berikutnya dalam empat minggu.',
  },
  {
    kind: 'individual',
    topic: 'Marah dan konflik di kamar hunian',
    summary: 'Klien terlibat adu mulut dengan penghuni lain. Mampu mengenali tanda awal marah dan mengakui perannya dalam konflik.',
    plan: 'Latihan komunikasi asertif di kelompok statis; pemantauan oleh konselor sebaya.',
  },
];

/** The stages the tests of yesterday's draw have reached, in the order of the people drawn. */
type Stage = 'resulted_negative' | 'resulted_positive' | 'received' | 'sent' | 'collected' | 'planned';
const DRAW_STAGES: readonly Stage[] = ['resulted_negative', 'resulted_positive', 'resulted_negative', 'received', 'sent', 'collected', 'planned'];
const STATUS_OF: Record<Stage, 'resulted' | 'received' | 'sent' | 'collected' | 'planned'> = {
  resulted_negative: 'resulted', resulted_positive: 'resulted', received: 'received', sent: 'sent', collected: 'collected', planned: 'planned',
};
const PROMOTED = 5;
const LAB = 'Laboratorium BNNK Serang';

const allNegative = (): UrineResults => Object.fromEntries(URINE_PANEL.map((s) => [s, 'negative'])) as UrineResults;

export async function seedCareRecord(trx: DbOrTrx, facilityId: string, anchor: string): Promise<void> {
  const users = new Map((await trx.selectFrom('users').select(['id', 'username', 'full_name']).execute()).map((u) => [u.username, u]));
  const user = (username: string) => users.get(username)!;
  const orgs = new Map((await trx.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const clinic = user('klinik.serang').id;
  const counsellor = user('konselor.bnnk').id;
  const officer = user('petugas.serang').id;

  // The people in the Rutan's programmes, in a fixed order: the Therapeutic Community first.
  const enrolled = await trx
    .selectFrom('enrolments as e')
    .innerJoin('programmes as p', 'p.id', 'e.programme_id')
    .innerJoin('wbp as w', 'w.id', 'e.wbp_id')
    .select(['e.id as enrolment_id', 'e.wbp_id', 'e.start_date', 'p.id as programme_id', 'p.kind', 'w.sdp_number'])
    .where('p.facility_id', '=', facilityId)
    .where('e.status', '=', 'active')
    .orderBy('p.kind', 'desc')
    .orderBy('w.sdp_number')
    .execute();
  const community = enrolled.filter((e) => e.kind === 'social');
  const medical = enrolled.filter((e) => e.kind === 'medical');
  if (community.length < PROMOTED || medical.length === 0) throw new Error('the care demo needs the rehabilitation demo first');

  // Counselling notes: an intake session for eight people, a second for those further along.
  const notes = enrolled.slice(0, 8).flatMap((e, i) => {
    const start = e.start_date!;
    const first = { e, heldOn: addDays(start, 3), note: NOTES[0]!, by: i % 2 === 0 ? counsellor : clinic };
    const later = addDays(anchor, -7 - (i % 3));
    return later > addDays(start, 14) ? [first, { e, heldOn: later, note: NOTES[1 + (i % (NOTES.length - 1))]!, by: counsellor }] : [first];
  });
  await trx
    .insertInto('counselling_notes')
    .values(notes.map(({ e, heldOn, note, by }) => ({
      wbp_id: e.wbp_id, facility_id: facilityId, enrolment_id: e.enrolment_id, kind: note.kind, held_on: heldOn, topic: note.topic,
      summary: note.summary, plan: note.plan, signed_by: by, signed_at: wib(heldOn, '14:00'),
    })))
    .execute();

  // Entry urine tests on each person's first day, all negative (an on-site rapid test).
  await trx
    .insertInto('urine_tests')
    .values(enrolled.map((e) => ({
      wbp_id: e.wbp_id, facility_id: facilityId, enrolment_id: e.enrolment_id, reason: 'entry' as const, planned_on: e.start_date!, status: 'resulted' as const,
      observed_by: officer, collected_by: clinic, collected_at: wib(e.start_date!, '08:00'), results: JSON.stringify(allNegative()), outcome: 'negative' as const,
      resulted_by: clinic, resulted_at: wib(e.start_date!, '08:30'), created_by: clinic, created_at: wib(addDays(e.start_date!, -1), '15:00'),
    })))
    .execute();

  // Yesterday's random selection from every active participant, drawn with the urine module's seeded draw.
  const day = addDays(anchor, -1);
  const seed = `DEMO-${day.replaceAll('-', '')}`;
  const candidates = enrolled.map((e) => e.wbp_id);
  const drawn = drawRandom(seed, candidates, DRAW_STAGES.length);
  const selection = await trx
    .insertInto('urine_selections')
    .values({
      facility_id: facilityId, date: day, seed, programme_ids: '[]', requested: DRAW_STAGES.length, candidates: JSON.stringify(candidates),
      selected_by: clinic, created_at: wib(day, '07:30'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrolmentOf = new Map(enrolled.map((e) => [e.wbp_id, e.enrolment_id]));
  for (const [i, wbpId] of drawn.entries()) {
    const stage = DRAW_STAGES[i]!;
    const seal = `SEGEL/${day.replaceAll('-', '')}/${String(i + 1).padStart(3, '0')}`;
    const collected = stage !== 'planned';
    const sent = stage === 'sent' || stage === 'received';
    const resulted = stage === 'resulted_negative' || stage === 'resulted_positive';
    const results: UrineResults | null = resulted ? { ...allNegative(), ...(stage === 'resulted_positive' ? { amphetamines: 'positive' } : {}) } : null;
    const test = await trx
      .insertInto('urine_tests')
      .values({
        wbp_id: wbpId, facility_id: facilityId, selection_id: selection.id, enrolment_id: enrolmentOf.get(wbpId) ?? null, reason: 'random', planned_on: day,
        status: STATUS_OF[stage], created_by: clinic, created_at: wib(day, '07:30'),
        ...(collected ? { observed_by: officer, collected_by: clinic, collected_at: wib(day, `08:${String(10 + i * 5).padStart(2, '0')}`), seal_number: seal } : {}),
        ...(sent ? { sent_to: LAB, sent_at: wib(day, '10:00') } : {}),
        ...(stage === 'received' ? { received_by: 'Sri Wahyuni, Amd.AK (analis BNNK)', received_at: wib(day, '11:15') } : {}),
        ...(results ? {
          results: JSON.stringify(results), outcome: testOutcome(results),
          resulted_by: clinic, resulted_at: wib(day, '09:30'),
        } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (stage === 'resulted_positive') {
      await trx
        .insertInto('care_tasks')
        .values({
          wbp_id: wbpId, facility_id: facilityId, kind: 'urine_positive', source_id: test.id, due_on: addDays(day, POSITIVE_FOLLOW_UP_DAYS),
          created_at: wib(day, '09:30'),
        })
        .execute();
    }
  }

  // Use of drugs found in a search of the rehabilitation block, with its open review.
  const caught = community[community.length - 1]!;
  const occurredOn = addDays(anchor, -9);
  const incident = await trx
    .insertInto('incidents')
    .values({
      wbp_id: caught.wbp_id, facility_id: facilityId, occurred_on: occurredOn, kind: 'drug_use',
      description: 'Saat penggeledahan kamar blok rehabilitasi ditemukan alat isap sabu; warga binaan mengakui memakai pada malam sebelumnya.',
      action_taken: 'Barang bukti diamankan petugas pengamanan; dilaporkan kepada Kepala Rutan dan tim asesmen terpadu.', reported_by: clinic,
      created_at: wib(occurredOn, '16:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('care_tasks')
    .values({ wbp_id: caught.wbp_id, facility_id: facilityId, kind: 'incident_review', source_id: incident.id, due_on: addDays(occurredOn, INCIDENT_REVIEW_DAYS), created_at: wib(occurredOn, '16:00') })
    .execute();

  // Entry (2 weeks) → core for the first members of the community, all of whom started weeks ago.
  const promoted = community.slice(0, PROMOTED).filter((e) => addDays(e.start_date!, 14) < anchor);
  await trx
    .insertInto('phase_changes')
    .values(promoted.map((e) => ({
      enrolment_id: e.enrolment_id, wbp_id: e.wbp_id, from_phase: 'entry', to_phase: 'core', direction: 'promotion' as const,
      reason: 'Menyelesaikan evaluasi awal dua minggu; mengikuti morning meeting dan kelompok statis dengan baik.',
      changed_on: addDays(e.start_date!, 14), changed_by: counsellor, created_at: wib(addDays(e.start_date!, 14), '15:00'),
    })))
    .execute();

  // A peer role for the first promoted member: buddy of the newcomers.
  const buddy = promoted[0]!;
  await trx
    .insertInto('community_roles')
    .values({ enrolment_id: buddy.enrolment_id, wbp_id: buddy.wbp_id, role: 'buddy', started_on: addDays(anchor, -10), assigned_by: counsellor })
    .execute();

  // The integrated team's monthly case conference: the Rutan, BNNK and Dinkes.
  const heldOn = addDays(anchor, -3);
  const conference = await trx
    .insertInto('case_conferences')
    .values({
      facility_id: facilityId, held_on: heldOn, title: 'Case conference tim terpadu: evaluasi bulanan rehabilitasi sosial',
      notes: 'Evaluasi kemajuan peserta Therapeutic Community fase program utama; hasil tes urin acak dan insiden bulan ini dibahas.',
      created_by: clinic, created_at: wib(heldOn, '13:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attendee = (username: string, position: string, org: string) => ({
    conference_id: conference.id, name: user(username).full_name, position, organization_id: orgs.get(org)!, user_id: user(username).id,
  });
  await trx
    .insertInto('case_conference_attendees')
    .values([
      attendee('karutan.serang', 'Kepala Rutan', 'RUTAN-SERANG'),
      attendee('klinik.serang', 'Dokter klinik Rutan', 'RUTAN-SERANG'),
      attendee('konselor.bnnk', 'Konselor adiksi', 'BNNK-SERANG'),
      attendee('asesor.bnnk', 'Asesor', 'BNNK-SERANG'),
      {
        conference_id: conference.id, name: 'dr. Maya Puspitasari', position: 'Pengelola program kesehatan jiwa dan NAPZA',
        organization_id: orgs.get('DINKES-SERANG')!, user_id: null,
      },
    ])
    .execute();
  await trx
    .insertInto('case_conference_people')
    .values(promoted.slice(0, 2).map((e, i) => ({
      conference_id: conference.id, wbp_id: e.wbp_id, enrolment_id: e.enrolment_id, decision: 'continue' as const, detail: '{}',
      discussion: i === 0
        ? 'Aktif di morning meeting dan menjadi buddy bagi peserta baru. Tim sepakat program dilanjutkan.'
        : 'Kehadiran kelompok statis baik; masih kesulitan mengelola marah. Dilanjutkan dengan konseling individu mingguan.',
    })))
    .execute();

  // Methadone: a person in medical rehabilitation, on PTRM at the community clinic, with the dose it reported.
  const onPtrm = medical[0]!;
  const ptrm = await trx
    .insertInto('ptrm_records')
    .values({
      wbp_id: onPtrm.wbp_id, facility_id: facilityId, clinic_name: 'Puskesmas Serang Kota (layanan PTRM)', started_on: addDays(anchor, -30),
      note: 'Melanjutkan terapi rumatan metadon yang dimulai sebelum ditahan; dosis diantar dan diminum di bawah pengawasan petugas klinik.',
      created_by: clinic, created_at: wib(addDays(anchor, -30), '10:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('ptrm_dose_reports')
    .values({
      ptrm_id: ptrm.id, dose_mg: 45, reported_on: addDays(anchor, -5), source: 'Kartu dosis PTRM Puskesmas Serang Kota', recorded_by: clinic,
      created_at: wib(addDays(anchor, -5), '11:00'),
    })
    .execute();
}
