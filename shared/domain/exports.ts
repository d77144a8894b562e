// Data leaving Pulih as CSV: the de-identified research files and the SIRENA files (docs/exports.md).
// Pure: the keyed hash is passed in (the server gives HMAC-SHA256 with the installation's secret),
// so nothing here reads a secret, a clock or the database.

import type { ProgrammeKind } from '../contracts/programmes.ts';
import { addDays, ageInYears } from './dates.ts';

/** HMAC-SHA256 of a message under the research secret: 32 bytes. */
export type KeyedHash = (message: string) => Uint8Array;

/** The largest shift of a person's dates, either way, in days. */
export const MAX_DATE_SHIFT_DAYS = 180;

/** The message whose keyed hash gives the date shift: apart from the pseudonym's, so one cannot be read from the other. */
const SHIFT_MESSAGE = (personId: string) => `date-shift:${personId}`;

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A person's pseudonym: the keyed hash of their id, in hex. Stable for one secret, unrelated across secrets. */
export function pseudonymOf(hash: KeyedHash, personId: string): string {
  return hex(hash(personId));
}

/** The days all of a person's dates move by, −180…+180, from the first four bytes of a second keyed hash. */
export function dateShiftOf(hash: KeyedHash, personId: string): number {
  const digest = hash(SHIFT_MESSAGE(personId));
  const n = ((digest[0] ?? 0) * 2 ** 24 + (digest[1] ?? 0) * 2 ** 16 + (digest[2] ?? 0) * 2 ** 8 + (digest[3] ?? 0)) >>> 0;
  return (n % (2 * MAX_DATE_SHIFT_DAYS + 1)) - MAX_DATE_SHIFT_DAYS;
}

/** A date moved by the person's shift; an empty date stays empty. */
export function shiftDate(date: string | null, days: number): string {
  return date ? addDays(date, days) : '';
}

export const AGE_BANDS = ['<18', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The age band on a day (admission), from the real dates before any shift; empty when the birth date is unknown. */
export function ageBand(birthDate: string | null, on: string): AgeBand | '' {
  const age = ageInYears(birthDate, on);
  if (age === null) return '';
  if (age < 18) return '<18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}

export const SENTENCE_BANDS = ['<12', '12-59', '60-119', '120+'] as const;

/** The sentence in bands of months (a precise length helps pick a person out); empty when not sentenced. */
export function sentenceBand(months: number | null): (typeof SENTENCE_BANDS)[number] | '' {
  if (months === null) return '';
  if (months < 12) return '<12';
  if (months < 60) return '12-59';
  if (months < 120) return '60-119';
  return '120+';
}

// --- Research: one row per person ----------------------------------------------------------------

export const RESEARCH_PEOPLE_COLUMNS = [
  'pid', 'unit_code', 'region_code', 'sex', 'age_band', 'legal_status', 'narcotics_case', 'sentence_band', 'admission_date', 'release_date',
] as const;

export interface ResearchPersonSource {
  id: string;
  unitCode: string;
  regionCode: string | null;
  sex: 'L' | 'P';
  birthDate: string | null;
  legalStatus: string;
  narcoticsCase: boolean;
  sentenceMonths: number | null;
  admissionDate: string;
  releasedOn: string | null;
}

export type ResearchPersonRow = Record<(typeof RESEARCH_PEOPLE_COLUMNS)[number], string>;

/** A person as the research file shows them: no name, SDP number, birth date or free text; dates shifted. */
export function researchPersonRow(hash: KeyedHash, p: ResearchPersonSource): ResearchPersonRow {
  const shift = dateShiftOf(hash, p.id);
  return {
    pid: pseudonymOf(hash, p.id),
    unit_code: p.unitCode,
    region_code: p.regionCode ?? '',
    sex: p.sex,
    age_band: ageBand(p.birthDate, p.admissionDate),
    legal_status: p.legalStatus,
    narcotics_case: p.narcoticsCase ? '1' : '0',
    sentence_band: sentenceBand(p.sentenceMonths),
    admission_date: shiftDate(p.admissionDate, shift),
    release_date: shiftDate(p.releasedOn, shift),
  };
}

// --- Research: one row per event -----------------------------------------------------------------

export const RESEARCH_EVENT_KINDS = ['screening', 'assessment', 'enrolment', 'urine_test', 'referral'] as const;
export type ResearchEventKind = (typeof RESEARCH_EVENT_KINDS)[number];

export const RESEARCH_EVENT_COLUMNS = ['pid', 'event', 'date', 'end_date', 'unit_code', 'kind', 'result', 'reason', 'substance', 'partner_kind'] as const;

/** An event as read from the database: codes only, never a typed text. */
export interface ResearchEventSource {
  personId: string;
  event: ResearchEventKind;
  date: string;
  endDate: string | null;
  unitCode: string;
  kind: string | null;
  result: string | null;
  reason: string | null;
  substance: string | null;
  partnerKind: string | null;
}

export type ResearchEventRow = Record<(typeof RESEARCH_EVENT_COLUMNS)[number], string>;

export function researchEventRow(hash: KeyedHash, e: ResearchEventSource): ResearchEventRow {
  const shift = dateShiftOf(hash, e.personId);
  return {
    pid: pseudonymOf(hash, e.personId),
    event: e.event,
    date: shiftDate(e.date, shift),
    end_date: shiftDate(e.endDate, shift),
    unit_code: e.unitCode,
    kind: e.kind ?? '',
    result: e.result ?? '',
    reason: e.reason ?? '',
    substance: e.substance ?? '',
    partner_kind: e.partnerKind ?? '',
  };
}

/** The substance with the highest ASSIST score above zero (tobacco left out, as in the overall result); null when none. */
export function mainAssistSubstance(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || !('substances' in result)) return null;
  const substances = (result as { substances: unknown }).substances;
  if (typeof substances !== 'object' || substances === null) return null;
  let best: { name: string; score: number } | null = null;
  for (const [name, value] of Object.entries(substances)) {
    if (name === 'tobacco' || typeof value !== 'object' || value === null) continue;
    const score = (value as { score?: unknown }).score;
    if (typeof score === 'number' && score > 0 && (best === null || score > best.score)) best = { name, score };
  }
  return best?.name ?? null;
}

/** The main substance the assessment form names (drugUse.mainSubstance), or null. */
export function formMainSubstance(form: unknown): string | null {
  if (typeof form !== 'object' || form === null) return null;
  const drugUse = (form as { drugUse?: unknown }).drugUse;
  if (typeof drugUse !== 'object' || drugUse === null) return null;
  const main = (drugUse as { mainSubstance?: unknown }).mainSubstance;
  return typeof main === 'string' ? main : null;
}

// --- SIRENA (BNN): clients and services, identified, for the unit's own entry ---------------------

export const SIRENA_CLIENT_COLUMNS = [
  'no_registrasi_sdp', 'nama', 'nik', 'jenis_kelamin', 'tanggal_lahir', 'tempat_lahir', 'alamat', 'kode_upt', 'nama_upt', 'status_hukum',
  'tanggal_masuk', 'zat_utama', 'tanggal_skrining', 'risiko_assist', 'tanggal_asesmen', 'kelas_asesmen',
] as const;

export type SirenaClientRow = Record<(typeof SIRENA_CLIENT_COLUMNS)[number], string>;

export interface SirenaClientSource {
  sdpNumber: string;
  fullName: string;
  sex: 'L' | 'P';
  birthDate: string | null;
  birthPlace: string | null;
  unitCode: string;
  unitName: string;
  legalStatus: string;
  admissionDate: string;
  screenedOn: string | null;
  assistRisk: 'low' | 'moderate' | 'high' | null;
  assistSubstance: string | null;
  assessedOn: string | null;
  assessmentClass: 'rendah' | 'menengah' | 'tinggi' | null;
  assessmentSubstance: string | null;
}

const ASSIST_RISK_ID = { low: 'rendah', moderate: 'sedang', high: 'tinggi' } as const;

/** A client as SIRENA asks: NIK and address are not kept by Pulih, so they stay empty for the unit to fill. */
export function sirenaClientRow(c: SirenaClientSource): SirenaClientRow {
  return {
    no_registrasi_sdp: c.sdpNumber,
    nama: c.fullName,
    nik: '',
    jenis_kelamin: c.sex,
    tanggal_lahir: c.birthDate ?? '',
    tempat_lahir: c.birthPlace ?? '',
    alamat: '',
    kode_upt: c.unitCode,
    nama_upt: c.unitName,
    status_hukum: c.legalStatus,
    tanggal_masuk: c.admissionDate,
    // The assessment's main substance when there is one (a clinician's judgement), else ASSIST's highest score.
    zat_utama: c.assessmentSubstance ?? c.assistSubstance ?? '',
    tanggal_skrining: c.screenedOn ?? '',
    risiko_assist: c.assistRisk ? ASSIST_RISK_ID[c.assistRisk] : '',
    tanggal_asesmen: c.assessedOn ?? '',
    kelas_asesmen: c.assessmentClass ?? '',
  };
}

export const SIRENA_SERVICE_COLUMNS = [
  'no_registrasi_sdp', 'nama', 'kode_upt', 'jenis_layanan', 'program', 'tanggal_mulai', 'tanggal_selesai_rencana', 'tanggal_selesai',
  'status', 'alasan_berhenti', 'sesi_tercatat', 'sesi_hadir',
] as const;

export type SirenaServiceRow = Record<(typeof SIRENA_SERVICE_COLUMNS)[number], string>;

/** SIRENA's three kinds of rehabilitation service; education (the low-risk path) is not one of them. */
export const SIRENA_SERVICE_KIND: Record<ProgrammeKind, string> = {
  medical: 'rehabilitasi_medis',
  ptrm: 'rehabilitasi_medis',
  vct_counselling: 'rehabilitasi_medis',
  social: 'rehabilitasi_sosial',
  post_rehab: 'pascarehabilitasi',
  education: 'edukasi',
};

const ENROLMENT_STATUS_ID = { active: 'berjalan', waitlisted: 'menunggu', completed: 'selesai', dropped: 'berhenti', changed: 'pindah_program' } as const;

export interface SirenaServiceSource {
  sdpNumber: string;
  fullName: string;
  unitCode: string;
  programmeKind: ProgrammeKind;
  programmeName: string;
  startDate: string | null;
  expectedEndDate: string | null;
  endedOn: string | null;
  status: keyof typeof ENROLMENT_STATUS_ID;
  outcomeReason: string | null;
  sessionsRecorded: number;
  sessionsPresent: number;
}

export function sirenaServiceRow(s: SirenaServiceSource): SirenaServiceRow {
  return {
    no_registrasi_sdp: s.sdpNumber,
    nama: s.fullName,
    kode_upt: s.unitCode,
    jenis_layanan: SIRENA_SERVICE_KIND[s.programmeKind],
    program: s.programmeName,
    tanggal_mulai: s.startDate ?? '',
    tanggal_selesai_rencana: s.expectedEndDate ?? '',
    tanggal_selesai: s.endedOn ?? '',
    status: ENROLMENT_STATUS_ID[s.status],
    alasan_berhenti: s.outcomeReason ?? '',
    sesi_tercatat: String(s.sessionsRecorded),
    sesi_hadir: String(s.sessionsPresent),
  };
}

/** Problems with an export's period, as field → message key. */
export function periodProblems(from: string, to: string): { field: string; message: string }[] {
  return to < from ? [{ field: 'to', message: 'validation.export.periodReversed' }] : [];
}
