// The monthly report (docs/reports.md): one calendar month for one unit or one region, with the
// dashboard's indicators and the recap PP 25/2011 Pasal 18 asks of those who handle addicts: number
// handled, identity, substance, duration of use, route of use, diagnosis and treatment history.
// Pure: the month, the recap of a person from their signed assessment form, and the recap's counts
// with small counts suppressed. The server reads the rows and renders the PDF and the spreadsheet.

import { type FOLLOW_UP_OUTCOMES, type FunnelStage, type Indicators, type RehabType, SMALL_COUNT_THRESHOLD } from '../contracts/reports.ts';
import {
  DRUG_USE_ROWS, type DrugUseRowCode, ICD10_DIAGNOSES, type Icd10Code, ROUTES, type RouteCode, formulirSchema,
} from '../instruments/formulir.ts';
import { addDays, addMonths, ageInYears } from './dates.ts';
import { AGE_BANDS, type AgeBand, ageBand } from './exports.ts';
import { suppress } from './indicators.ts';

// --- The month ------------------------------------------------------------------------------------

const MONTH_NAMES = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** A month (YYYY-MM) as its first and last day, both included. */
export function monthPeriod(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/** "2026-11" → "November 2026". */
export function indonesianMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const name = MONTH_NAMES[number - 1];
  if (!name || !year) throw new RangeError(`not a month: ${month}`);
  return `${name} ${year}`;
}

/** A month that has not begun on `today` (Jakarta) has nothing to report. */
export function isFutureMonth(month: string, today: string): boolean {
  return `${month}-01` > today;
}

/**
 * The days the report covers: the whole month, or up to today for the month under way (the
 * figures are then "so far"), so the dashboard asked for the same days gives the same figures.
 */
export function reportPeriod(month: string, today: string): { from: string; to: string; complete: boolean } {
  const { from, to } = monthPeriod(month);
  return to <= today ? { from, to, complete: true } : { from, to: today, complete: false };
}

// --- One person's recap, from the assessment form -------------------------------------------------

/** Years of use of the main substance, in bands: an exact figure adds little to a count and helps pick a person out. */
export const DURATION_BANDS = ['<1', '1-2', '3-5', '6-10', '>10'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];

export function durationBand(years: number | null): DurationBand | null {
  if (years === null) return null;
  if (years < 1) return '<1';
  if (years <= 2) return '1-2';
  if (years <= 5) return '3-5';
  if (years <= 10) return '6-10';
  return '>10';
}

/** Earlier treatment for alcohol or drugs, as the form counts its episodes. */
export const TREATMENT_HISTORY = ['never', 'once', 'more'] as const;
export type TreatmentHistory = (typeof TREATMENT_HISTORY)[number];

export function treatmentHistoryOf(episodes: number | null): TreatmentHistory | null {
  if (episodes === null) return null;
  if (episodes === 0) return 'never';
  return episodes === 1 ? 'once' : 'more';
}

/** What the report needs of one person's latest signed assessment form; null where the form is silent. */
export interface FormRecap {
  substance: Exclude<DrugUseRowCode, 'more_than_one'> | null;
  /** Lifetime years of use of the main substance. */
  years: number | null;
  route: RouteCode | null;
  /** The working diagnoses (ICD-10 F10–F19), the first being the main one. */
  diagnoses: Icd10Code[];
  /** Earlier treatment episodes, alcohol and drugs together. */
  treatmentEpisodes: number | null;
  lastTreatmentYear: number | null;
}

export const EMPTY_FORM_RECAP: FormRecap = { substance: null, years: null, route: null, diagnoses: [], treatmentEpisodes: null, lastTreatmentYear: null };

/**
 * The recap of a stored form. Duration and route are those of the main substance's row of the drug
 * use grid; the form's other rows are not the person's main problem. A form that does not parse
 * (never the case for a signed one) gives an empty recap rather than a guess.
 */
export function formRecap(form: unknown): FormRecap {
  const parsed = formulirSchema.safeParse(form);
  if (!parsed.success) return EMPTY_FORM_RECAP;
  const f = parsed.data;
  const substance = f.drugUse?.mainSubstance ?? null;
  const row = substance ? f.drugUse?.rows?.[substance] : undefined;
  const history = f.treatmentHistory;
  const alcohol = history?.alcoholTreatmentEpisodes ?? null;
  const drugs = history?.drugTreatmentEpisodes ?? null;
  return {
    substance: substance === 'more_than_one' ? null : substance,
    years: row?.lifetimeYears ?? null,
    route: row?.route ?? null,
    diagnoses: [...new Set(f.diagnosis?.codes ?? [])],
    treatmentEpisodes: alcohol === null && drugs === null ? null : (alcohol ?? 0) + (drugs ?? 0),
    lastTreatmentYear: history?.lastTreatmentYear ?? null,
  };
}

// --- Labels (Bahasa Indonesia: the report is sent up as it is) -------------------------------------

export const NOT_RECORDED = 'Tidak tercatat';

export const substanceLabel = (code: string | null): string =>
  DRUG_USE_ROWS.find((r) => r.code === code)?.label.id ?? NOT_RECORDED;
export const routeLabel = (code: number | null): string => ROUTES.find((r) => r.code === code)?.label.id ?? NOT_RECORDED;
export const diagnosisLabel = (code: string | null): string => {
  const found = ICD10_DIAGNOSES.find((d) => d.code === code);
  return found ? `${found.code} ${found.label.id}` : NOT_RECORDED;
};
export const DURATION_LABELS: Record<DurationBand, string> = {
  '<1': 'Kurang dari 1 tahun', '1-2': '1–2 tahun', '3-5': '3–5 tahun', '6-10': '6–10 tahun', '>10': 'Lebih dari 10 tahun',
};
export const TREATMENT_LABELS: Record<TreatmentHistory, string> = { never: 'Belum pernah', once: '1 kali', more: '2 kali atau lebih' };
export const REHAB_TYPE_LABELS: Record<RehabType, string> = { medical: 'Rehabilitasi medis', social: 'Rehabilitasi sosial', post_rehab: 'Pascarehabilitasi' };
export const SEX_LABELS = { L: 'Laki-laki', P: 'Perempuan' } as const;
export const AGE_LABELS: Record<AgeBand, string> = {
  '<18': 'Di bawah 18 tahun', '18-24': '18–24 tahun', '25-34': '25–34 tahun', '35-44': '35–44 tahun', '45-54': '45–54 tahun', '55+': '55 tahun ke atas',
};

/** "2 kali (terakhir 2024)", "Belum pernah", or not recorded. */
export function treatmentText(r: Pick<FormRecap, 'treatmentEpisodes' | 'lastTreatmentYear'>): string {
  if (r.treatmentEpisodes === null) return NOT_RECORDED;
  if (r.treatmentEpisodes === 0) return TREATMENT_LABELS.never;
  return `${r.treatmentEpisodes} kali${r.lastTreatmentYear ? ` (terakhir ${r.lastTreatmentYear})` : ''}`;
}

// --- The people handled in the month --------------------------------------------------------------

/** A person handled in the month: identity from the register, the rest from the latest signed assessment. */
export interface HandledPerson {
  wbpId: string;
  unitId: string;
  fullName: string;
  sdpNumber: string;
  sex: 'L' | 'P';
  birthDate: string | null;
  /** The day of the latest signed initial assessment, if any. */
  assessedOn: string | null;
  finalClass: 'rendah' | 'menengah' | 'tinggi' | null;
  form: FormRecap;
  /** The rehabilitation types of the person's enrolments active in the month; empty when only assessed. */
  rehabTypes: RehabType[];
}

/** The age on the last day of the report. */
export const ageOn = (p: Pick<HandledPerson, 'birthDate'>, day: string): number | null => ageInYears(p.birthDate, day);

// --- Counts, and their suppression outside the unit -----------------------------------------------

export const RECAP_DIMENSIONS = ['sex', 'age', 'substance', 'duration', 'route', 'diagnosis', 'treatment', 'rehabType'] as const;
export type RecapDimension = (typeof RECAP_DIMENSIONS)[number];

export const RECAP_DIMENSION_LABELS: Record<RecapDimension, string> = {
  sex: 'Jenis kelamin',
  age: 'Kelompok umur',
  substance: 'Zat utama',
  duration: 'Lama pemakaian zat utama',
  route: 'Cara pemakaian zat utama',
  diagnosis: 'Diagnosis kerja utama (ICD-10)',
  treatment: 'Riwayat terapi/rehabilitasi sebelumnya',
  rehabType: 'Jenis rehabilitasi bulan ini',
};

/** A count, or null where it is suppressed (shown "<5"). */
export type Count = number | null;

export interface RecapRow {
  key: string;
  label: string;
  count: Count;
  /** Hidden though not small, so that a small one beside it cannot be worked out (shown "*", never "<5"). */
  withheld?: boolean;
}

export interface RecapGroup {
  dimension: RecapDimension;
  label: string;
  /**
   * Whether each person is in exactly one row (so the rows add up to the number handled). Only the
   * type of rehabilitation is not: one person may be in medical and social rehabilitation in a month.
   */
  partition: boolean;
  rows: RecapRow[];
}

export interface RecapCounts {
  handled: Count;
  groups: RecapGroup[];
}

const UNKNOWN = 'unknown';

/** Every row of a dimension in a fixed order (zeros included, so months compare), "not recorded" last. */
function keysOf(dimension: RecapDimension): { key: string; label: string }[] {
  const unknown = { key: UNKNOWN, label: NOT_RECORDED };
  switch (dimension) {
    case 'sex': return [{ key: 'L', label: SEX_LABELS.L }, { key: 'P', label: SEX_LABELS.P }];
    case 'age': return [...AGE_BANDS.map((b) => ({ key: b, label: AGE_LABELS[b] })), unknown];
    case 'substance': return [...DRUG_USE_ROWS.filter((r) => r.code !== 'more_than_one').map((r) => ({ key: r.code, label: r.label.id })), unknown];
    case 'duration': return [...DURATION_BANDS.map((b) => ({ key: b, label: DURATION_LABELS[b] })), unknown];
    case 'route': return [...ROUTES.map((r) => ({ key: String(r.code), label: r.label.id })), unknown];
    case 'diagnosis': return [...ICD10_DIAGNOSES.map((d) => ({ key: d.code, label: `${d.code} ${d.label.id}` })), unknown];
    case 'treatment': return [...TREATMENT_HISTORY.map((t) => ({ key: t, label: TREATMENT_LABELS[t] })), unknown];
    case 'rehabType': return [
      ...(Object.keys(REHAB_TYPE_LABELS) as RehabType[]).map((t) => ({ key: t, label: REHAB_TYPE_LABELS[t] })),
      { key: 'assessment_only', label: 'Asesmen saja (belum mengikuti program)' },
    ];
  }
}

/** The rows a person counts in, per dimension. */
function keysOfPerson(p: HandledPerson, lastDay: string): Record<RecapDimension, string[]> {
  const orUnknown = (value: string | null) => [value ?? UNKNOWN];
  return {
    sex: [p.sex],
    age: orUnknown(ageBand(p.birthDate, lastDay) || null),
    substance: orUnknown(p.form.substance),
    duration: orUnknown(durationBand(p.form.years)),
    route: orUnknown(p.form.route === null ? null : String(p.form.route)),
    diagnosis: orUnknown(p.form.diagnoses[0] ?? null),
    treatment: orUnknown(treatmentHistoryOf(p.form.treatmentEpisodes)),
    rehabType: p.rehabTypes.length > 0 ? [...new Set(p.rehabTypes)] : ['assessment_only'],
  };
}

/** The recap's counts, unsuppressed: what the unit's own report shows. */
export function recapCounts(people: readonly HandledPerson[], lastDay: string): RecapCounts {
  const perPerson = people.map((p) => keysOfPerson(p, lastDay));
  return {
    handled: people.length,
    groups: RECAP_DIMENSIONS.map((dimension) => ({
      dimension,
      label: RECAP_DIMENSION_LABELS[dimension],
      partition: dimension !== 'rehabType',
      rows: keysOf(dimension).map(({ key, label }) => ({ key, label, count: perPerson.filter((k) => k[dimension].includes(key)).length })),
    })),
  };
}

/** A count as shown outside the unit: null when small (1 to threshold − 1), or withheld with a small one. */
export interface ShownCount {
  count: Count;
  withheld: boolean;
}

/**
 * Suppresses small counts (suppress, as the dashboard does) in a group whose rows add up to a total
 * that is shown: one suppressed row alone could be recovered as the total minus the others, so the
 * smallest other row above zero is withheld with it (complementary suppression).
 */
export function suppressPartition(counts: readonly number[], threshold = SMALL_COUNT_THRESHOLD): ShownCount[] {
  const out = counts.map((n) => ({ count: suppress(n, threshold), withheld: false }));
  if (out.filter((x) => x.count === null).length !== 1) return out;
  let smallest = -1;
  counts.forEach((n, i) => {
    if (out[i]?.count !== null && n > 0 && (smallest < 0 || n < (counts[smallest] ?? Infinity))) smallest = i;
  });
  if (smallest >= 0) out[smallest] = { count: null, withheld: true };
  return out;
}

/** The recap as a region (or a manager looking at one unit) sees it: small counts suppressed. */
export function suppressRecap(recap: RecapCounts, threshold = SMALL_COUNT_THRESHOLD): RecapCounts {
  const handled = suppress(recap.handled, threshold);
  return {
    handled,
    groups: recap.groups.map((g) => {
      const counts = g.rows.map((r) => r.count ?? 0);
      // A suppressed total hides every row above zero anyway; a shown total lets one hidden row be recovered.
      const shown = g.partition && handled !== null
        ? suppressPartition(counts, threshold)
        : counts.map((n) => ({ count: suppress(n, threshold), withheld: false }));
      return { ...g, rows: g.rows.map((r, i) => ({ ...r, count: shown[i]?.count ?? null, withheld: shown[i]?.withheld ?? false })) };
    }),
  };
}

/** The mark of a count withheld though not small (complementary suppression). */
export const WITHHELD = '*';

/** A count as printed: "<5" where it is small and suppressed, "*" where it is withheld beside one. */
export function countText(n: Count, threshold = SMALL_COUNT_THRESHOLD, withheld = false): string {
  if (n !== null) return String(n);
  return withheld ? WITHHELD : `<${threshold}`;
}

// --- The report as rendered (PDF and spreadsheet alike) -------------------------------------------

/** A unit's row of a region's report: its indicators (aggregates) and how many people it handled. */
export interface ReportUnit {
  id: string;
  code: string;
  name: string;
  indicators: Indicators;
  handled: ShownCount;
}

/** A person as the unit's own report lists them. */
export interface ListedPerson extends HandledPerson {
  age: number | null;
}

export interface MonthlyReport {
  level: 'unit' | 'region';
  /** Whether people are listed by name: only in the unit's own report, for those who may read its clinical records. */
  identified: boolean;
  month: string;
  period: { from: string; to: string; complete: boolean };
  scope: { name: string; code: string; parentName: string | null; city: string | null };
  madeOn: string;
  madeBy: { name: string; organisation: string };
  /** The suppression threshold, or null where nothing is suppressed. */
  threshold: number | null;
  totals: Indicators;
  /** Every unit of a region; the one unit of a unit's report. */
  units: ReportUnit[];
  recap: RecapCounts;
  people: ListedPerson[];
}

export const FUNNEL_LABELS: Record<FunnelStage, string> = {
  drugCases: 'Kasus narkotika yang ditahan',
  screened: 'Diskrining (ASSIST)',
  assessed: 'Diasesmen (ASI)',
  classified: 'Diklasifikasi',
  decided: 'Diputuskan (SK Kepala UPT)',
  enrolled: 'Mulai mengikuti program',
  completed: 'Selesai program',
  referred: 'Dirujuk untuk pascarehabilitasi',
  followedUp: 'Ditindaklanjuti setelah bebas',
};

export const CLASS_LABELS = { rendah: 'Rendah', menengah: 'Menengah', tinggi: 'Tinggi' } as const;

export const FOLLOW_UP_LABELS: Record<(typeof FOLLOW_UP_OUTCOMES)[number], string> = {
  stable: 'Stabil',
  relapse: 'Kambuh (relaps)',
  reoffended: 'Mengulangi tindak pidana',
  lost: 'Tidak dapat dihubungi',
};

/** A figure of the report: a count (suppressible), a share (0–1), a number of days, or a plain number. */
export type Figure =
  | { kind: 'count'; value: Count; withheld: boolean }
  | { kind: 'rate'; value: number | null }
  | { kind: 'days'; value: number | null }
  | { kind: 'number'; value: number | null };

export interface IndicatorLine {
  section: string;
  label: string;
  figure: Figure;
}

const r = (value: number | null): Figure => ({ kind: 'rate', value });

/** A share of two counts, where both are shown and the whole is above zero. */
export function shareOf(part: Count, whole: Count): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}

/** The dashboard's indicators as the report's lines, in the dashboard's order and words. */
export function indicatorLines(ind: Indicators): IndicatorLine[] {
  const complementary = new Set(ind.complementary ?? []);
  /** A count, by its path in the indicators ('funnel.screened'): withheld when the dashboard hid it beside a small one. */
  const c = (value: Count, path: string): Figure => ({ kind: 'count', value, withheld: value === null && complementary.has(path) });
  const lines: IndicatorLine[] = [];
  const add = (section: string, label: string, figure: Figure) => lines.push({ section, label, figure });
  for (const f of ind.funnel) add('Alur layanan', FUNNEL_LABELS[f.stage], c(f.count, `funnel.${f.stage}`));
  for (const k of ind.classes) add('Kelas hasil asesmen', CLASS_LABELS[k.class], c(k.count, `classes.${k.class}`));
  const occupancy = 'Hunian (akhir periode)';
  add(occupancy, 'Kapasitas', { kind: 'number', value: ind.occupancy.capacity });
  add(occupancy, 'Penghuni', c(ind.occupancy.held, 'occupancy.held'));
  add(occupancy, 'Kasus narkotika', c(ind.occupancy.drugCases, 'occupancy.drugCases'));
  add(occupancy, 'Penghuni dibanding kapasitas', r(ind.occupancy.rate));
  const waiting = 'Waktu tunggu hasil skrining sampai SK';
  add(waiting, 'Standar pelayanan (hari kerja)', { kind: 'number', value: ind.waiting.standardDays });
  add(waiting, 'SK yang terbit', c(ind.waiting.decided, 'waiting.decided'));
  add(waiting, `SK dalam ${ind.waiting.standardDays} hari kerja`, c(ind.waiting.withinStandard, 'waiting.withinStandard'));
  add(waiting, 'Persentase sesuai standar', r(shareOf(ind.waiting.withinStandard, ind.waiting.decided)));
  add(waiting, 'Median waktu tunggu (hari kerja)', { kind: 'days', value: ind.waiting.medianDays });
  add(waiting, `Menunggu SK lewat ${ind.waiting.standardDays} hari kerja (hari ini)`, c(ind.waiting.overdueNow, 'waiting.overdueNow'));
  add('Kehadiran sesi', 'Kehadiran yang diharapkan', c(ind.attendance.expected, 'attendance.expected'));
  add('Kehadiran sesi', 'Hadir', c(ind.attendance.present, 'attendance.present'));
  add('Kehadiran sesi', 'Tingkat kehadiran', r(ind.attendance.rate));
  add('Tes urin', 'Dites', c(ind.urine.tested, 'urine.tested'));
  add('Tes urin', 'Positif', c(ind.urine.positive, 'urine.positive'));
  add('Tes urin', 'Tingkat positif', r(ind.urine.rate));
  const completion = 'Penyelesaian program';
  add(completion, 'Selesai', c(ind.completion.completed, 'completion.completed'));
  add(completion, 'Berhenti (drop-out)', c(ind.completion.dropped, 'completion.dropped'));
  add(completion, 'Masih berjalan di akhir periode', c(ind.completion.active, 'completion.active'));
  add(completion, 'Tingkat penyelesaian', r(ind.completion.completionRate));
  for (const o of ind.followUps) add('Hasil tindak lanjut setelah bebas', FOLLOW_UP_LABELS[o.outcome], c(o.count, `followUps.${o.outcome}`));
  return lines;
}

/** A unit's (or the total's) count of a rehabilitation type, as the dashboard shows it. */
export function rehabTypeFigure(ind: Indicators, type: RehabType): Figure {
  const found = ind.rehabTypes.find((x) => x.type === type);
  // A suppressed count is null; only a type the indicators do not list at all is none.
  const value = found ? found.count : 0;
  return { kind: 'count', value, withheld: value === null && (ind.complementary ?? []).includes(`rehabTypes.${type}`) };
}

/** "72,5%" (Indonesian decimal comma), or "-" where it cannot be given. */
export function figureText(f: Figure, threshold: number | null): string {
  if (f.kind === 'count') return countText(f.value, threshold ?? SMALL_COUNT_THRESHOLD, f.withheld);
  if (f.value === null) return '-';
  if (f.kind === 'rate') return `${(f.value * 100).toFixed(1).replace('.', ',')}%`;
  if (f.kind === 'days') return `${String(Math.round(f.value * 10) / 10).replace('.', ',')} hari`;
  return String(f.value);
}

/** A file name part from a unit or region code: letters, digits and dashes. */
export function fileCode(code: string): string {
  return code.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'unit';
}
