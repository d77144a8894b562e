import { type Builder, type Side, type World, facility, person, personOf } from './world.ts';

/** A signed counselling note about the side's person. */
const noteRow = async (w: World, side: Side) => {
  const wbpId = await personOf(w, side);
  return (await w.db.insertInto('counselling_notes').values({
    wbp_id: wbpId, facility_id: facility(w, side).id, kind: 'individual', held_on: '2026-11-02', topic: 'Pencegahan kekambuhan',
    summary: 'Membahas pemicu dan cara menghadapinya.', plan: 'Lanjutkan sesi minggu depan.', signed_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow()).id;
};

/** An open PTRM record of a new person of the side's unit (one open record per person). */
const ptrmRow = async (w: World, side: Side) => {
  const wbpId = await person(w, side);
  const record = await w.db.insertInto('ptrm_records').values({
    wbp_id: wbpId, facility_id: facility(w, side).id, clinic_name: 'Puskesmas Serang Kota', started_on: '2026-10-01', created_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: record.id, wbpId };
};

const handoverRow = async (w: World, side: Side) => {
  const record = await ptrmRow(w, side);
  return (await w.db.insertInto('ptrm_handovers').values({
    ptrm_id: record.id, wbp_id: record.wbpId, reason: 'transfer', to_name: 'Lapas Kelas IIA Serang', issued_on: '2026-11-10', issued_by: w.users.clinic_staff.id,
  }).returning('id').executeTakeFirstOrThrow()).id;
};

/** One request per route of this area for the access walk (see world.ts). */
export const notesRequests: Record<string, Builder> = {
  'GET /api/wbp/:id/notes': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/notes` }),
  'POST /api/wbp/:id/notes': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await personOf(w, side)}/notes`,
    payload: { kind: 'individual', heldOn: '2026-11-02', topic: 'Motivasi', summary: 'Klien menyatakan ingin berhenti.', plan: 'Sesi lanjutan.' },
  }),
  'POST /api/notes/:id/addenda': async (w, side) => ({
    method: 'POST', url: `/api/notes/${await noteRow(w, side)}/addenda`, payload: { text: 'Koreksi: sesi berlangsung 60 menit.' },
  }),
  'GET /api/wbp/:id/incidents': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/incidents` }),
  'POST /api/wbp/:id/incidents': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await personOf(w, side)}/incidents`,
    payload: { occurredOn: '2026-11-02', kind: 'drug_use', description: 'Ditemukan menggunakan sabu di blok.' },
  }),
  'GET /api/wbp/:id/ptrm': async (w, side) => ({ method: 'GET', url: `/api/wbp/${await personOf(w, side)}/ptrm` }),
  'POST /api/wbp/:id/ptrm': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${await personOf(w, side)}/ptrm`,
    payload: { clinicName: 'Puskesmas Serang Kota', startedOn: '2026-10-01', dose: { doseMg: 60, reportedOn: '2026-11-02', source: 'Kartu dosis klinik' } },
  }),
  'POST /api/ptrm/:id/doses': async (w, side) => ({
    method: 'POST', url: `/api/ptrm/${(await ptrmRow(w, side)).id}/doses`, payload: { doseMg: 72.5, reportedOn: '2026-11-02', source: 'Telepon klinik' },
  }),
  'POST /api/ptrm/:id/end': async (w, side) => ({
    method: 'POST', url: `/api/ptrm/${(await ptrmRow(w, side)).id}/end`, payload: { endedOn: '2026-11-02', version: 1 },
  }),
  'POST /api/ptrm/:id/handovers': async (w, side) => ({
    method: 'POST', url: `/api/ptrm/${(await ptrmRow(w, side)).id}/handovers`, payload: { reason: 'release', toName: 'Puskesmas Serang Kota', issuedOn: '2026-11-02' },
  }),
  'GET /api/ptrm/handovers/:id/letter.pdf': async (w, side) => ({ method: 'GET', url: `/api/ptrm/handovers/${await handoverRow(w, side)}/letter.pdf` }),
};

/** Routes of this area whose data is not a person's or a unit's: the facility side does not apply. */
export const notesFacilityNeutral: readonly string[] = [];
