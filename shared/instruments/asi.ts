import { z } from 'zod';
import {
  type Label, type Validation, formatPath, mustBe, oneOf, requiredOr, roundHalfAwayFromZero, validateWith,
} from './common.ts';

/**
 * Addiction Severity Index, 5th edition: the items Pulih records, the seven composite scores
 * (McLellan et al., as implemented in the US VA VistA routines YSASCSB/YSASCSC) and the
 * interviewer severity rating scale. See domain.md §4.
 */
export const ASI_ID = 'asi';
export const ASI_VERSION = '5';

export const ASI_AREAS = ['medical', 'employment', 'alcohol', 'drug', 'legal', 'family', 'psychiatric'] as const;
export type AsiArea = (typeof ASI_AREAS)[number];

export const ASI_AREA_LABELS: Record<AsiArea, Label> = {
  medical: { id: 'Status medis', en: 'Medical status' },
  employment: { id: 'Status pekerjaan dan dukungan', en: 'Employment and support status' },
  alcohol: { id: 'Penggunaan alkohol', en: 'Alcohol use' },
  drug: { id: 'Penggunaan napza', en: 'Drug use' },
  legal: { id: 'Status legal', en: 'Legal status' },
  family: { id: 'Status keluarga dan sosial', en: 'Family and social status' },
  psychiatric: { id: 'Status psikiatris', en: 'Psychiatric status' },
};

/**
 * days: days in the past 30, 0–30 · rating: the patient's rating 0–4 · yesno: 0 no, 1 yes ·
 * money: US dollars in the past 30 days (the unit the composite formulas were built on), ≥ 0 ·
 * satisfaction: F3, satisfied with the marital situation: yes, indifferent or no.
 */
export const ASI_ITEM_KINDS = ['days', 'rating', 'yesno', 'money', 'satisfaction'] as const;
export type AsiItemKind = (typeof ASI_ITEM_KINDS)[number];

export interface AsiItemDefinition {
  code: string;
  kind: AsiItemKind;
  label: Label;
}

export const ASI_ITEMS = [
  { code: 'M6', kind: 'days', label: { id: 'Jumlah hari mengalami masalah medis (30 hari terakhir)', en: 'Days with medical problems (past 30 days)' } },
  { code: 'M7', kind: 'rating', label: { id: 'Seberapa terganggu oleh masalah medis (30 hari terakhir)', en: 'How troubled by medical problems (past 30 days)' } },
  { code: 'M8', kind: 'rating', label: { id: 'Seberapa penting pengobatan untuk masalah medis saat ini', en: 'Importance of treatment for medical problems now' } },
  { code: 'E4', kind: 'yesno', label: { id: 'Memiliki SIM yang berlaku', en: "Has a valid driver's licence" } },
  { code: 'E5', kind: 'yesno', label: { id: 'Memiliki kendaraan yang dapat dipakai', en: 'Has a car available for use' } },
  { code: 'E11', kind: 'days', label: { id: 'Jumlah hari dibayar untuk bekerja (30 hari terakhir)', en: 'Days paid for working (past 30 days)' } },
  { code: 'E12', kind: 'money', label: { id: 'Penghasilan dari pekerjaan (30 hari terakhir, USD)', en: 'Income from employment (past 30 days, USD)' } },
  { code: 'E17', kind: 'money', label: { id: 'Penghasilan ilegal (30 hari terakhir, USD)', en: 'Illegal income (past 30 days, USD)' } },
  { code: 'D1', kind: 'days', label: { id: 'Alkohol, semua penggunaan (hari, 30 hari terakhir)', en: 'Alcohol, any use (days, past 30)' } },
  { code: 'D2', kind: 'days', label: { id: 'Alkohol sampai mabuk (hari, 30 hari terakhir)', en: 'Alcohol to intoxication (days, past 30)' } },
  { code: 'D3', kind: 'days', label: { id: 'Heroin (hari, 30 hari terakhir)', en: 'Heroin (days, past 30)' } },
  { code: 'D4', kind: 'days', label: { id: 'Metadon/buprenorfin (hari, 30 hari terakhir)', en: 'Methadone/buprenorphine (days, past 30)' } },
  { code: 'D5', kind: 'days', label: { id: 'Opiat lain/analgesik (hari, 30 hari terakhir)', en: 'Other opiates/analgesics (days, past 30)' } },
  { code: 'D6', kind: 'days', label: { id: 'Barbiturat (hari, 30 hari terakhir)', en: 'Barbiturates (days, past 30)' } },
  { code: 'D7', kind: 'days', label: { id: 'Sedatif/hipnotik/trankuilizer (hari, 30 hari terakhir)', en: 'Sedatives/hypnotics/tranquillisers (days, past 30)' } },
  { code: 'D8', kind: 'days', label: { id: 'Kokain (hari, 30 hari terakhir)', en: 'Cocaine (days, past 30)' } },
  { code: 'D9', kind: 'days', label: { id: 'Amfetamin (hari, 30 hari terakhir)', en: 'Amphetamines (days, past 30)' } },
  { code: 'D10', kind: 'days', label: { id: 'Kanabis/ganja (hari, 30 hari terakhir)', en: 'Cannabis (days, past 30)' } },
  { code: 'D11', kind: 'days', label: { id: 'Halusinogen (hari, 30 hari terakhir)', en: 'Hallucinogens (days, past 30)' } },
  { code: 'D12', kind: 'days', label: { id: 'Inhalansia (hari, 30 hari terakhir)', en: 'Inhalants (days, past 30)' } },
  { code: 'D13', kind: 'days', label: { id: 'Lebih dari satu zat per hari (hari, 30 hari terakhir)', en: 'More than one substance per day (days, past 30)' } },
  { code: 'D23', kind: 'money', label: { id: 'Uang yang dibelanjakan untuk alkohol (30 hari terakhir, USD)', en: 'Money spent on alcohol (past 30 days, USD)' } },
  { code: 'D24', kind: 'money', label: { id: 'Uang yang dibelanjakan untuk napza (30 hari terakhir, USD)', en: 'Money spent on drugs (past 30 days, USD)' } },
  { code: 'D26', kind: 'days', label: { id: 'Jumlah hari mengalami masalah alkohol (30 hari terakhir)', en: 'Days with alcohol problems (past 30 days)' } },
  { code: 'D27', kind: 'days', label: { id: 'Jumlah hari mengalami masalah napza (30 hari terakhir)', en: 'Days with drug problems (past 30 days)' } },
  { code: 'D28', kind: 'rating', label: { id: 'Seberapa terganggu oleh masalah alkohol (30 hari terakhir)', en: 'How troubled by alcohol problems (past 30 days)' } },
  { code: 'D29', kind: 'rating', label: { id: 'Seberapa terganggu oleh masalah napza (30 hari terakhir)', en: 'How troubled by drug problems (past 30 days)' } },
  { code: 'D30', kind: 'rating', label: { id: 'Seberapa penting terapi untuk masalah alkohol saat ini', en: 'Importance of treatment for alcohol problems now' } },
  { code: 'D31', kind: 'rating', label: { id: 'Seberapa penting terapi untuk masalah napza saat ini', en: 'Importance of treatment for drug problems now' } },
  { code: 'L24', kind: 'yesno', label: { id: 'Sedang menunggu dakwaan, persidangan atau putusan', en: 'Awaiting charges, trial or sentence' } },
  { code: 'L27', kind: 'days', label: { id: 'Jumlah hari melakukan kegiatan ilegal untuk keuntungan (30 hari terakhir)', en: 'Days of illegal activity for profit (past 30 days)' } },
  { code: 'L28', kind: 'rating', label: { id: 'Seberapa serius masalah hukum saat ini', en: 'Seriousness of present legal problems' } },
  { code: 'L29', kind: 'rating', label: { id: 'Seberapa penting konseling atau rujukan untuk masalah hukum', en: 'Importance of counselling or referral for legal problems' } },
  { code: 'F3', kind: 'satisfaction', label: { id: 'Puas dengan status perkawinan saat ini', en: 'Satisfied with the present marital situation' } },
  { code: 'F18', kind: 'yesno', label: { id: 'Masalah serius dengan ibu (30 hari terakhir)', en: 'Serious problems with mother (past 30 days)' } },
  { code: 'F19', kind: 'yesno', label: { id: 'Masalah serius dengan ayah (30 hari terakhir)', en: 'Serious problems with father (past 30 days)' } },
  { code: 'F20', kind: 'yesno', label: { id: 'Masalah serius dengan saudara kandung (30 hari terakhir)', en: 'Serious problems with brothers/sisters (past 30 days)' } },
  { code: 'F21', kind: 'yesno', label: { id: 'Masalah serius dengan pasangan (30 hari terakhir)', en: 'Serious problems with partner/spouse (past 30 days)' } },
  { code: 'F22', kind: 'yesno', label: { id: 'Masalah serius dengan anak (30 hari terakhir)', en: 'Serious problems with children (past 30 days)' } },
  { code: 'F23', kind: 'yesno', label: { id: 'Masalah serius dengan anggota keluarga lain (30 hari terakhir)', en: 'Serious problems with other family (past 30 days)' } },
  { code: 'F24', kind: 'yesno', label: { id: 'Masalah serius dengan teman dekat (30 hari terakhir)', en: 'Serious problems with close friends (past 30 days)' } },
  { code: 'F25', kind: 'yesno', label: { id: 'Masalah serius dengan tetangga (30 hari terakhir)', en: 'Serious problems with neighbours (past 30 days)' } },
  { code: 'F26', kind: 'yesno', label: { id: 'Masalah serius dengan rekan kerja (30 hari terakhir)', en: 'Serious problems with co-workers (past 30 days)' } },
  { code: 'F30', kind: 'days', label: { id: 'Jumlah hari konflik serius dengan keluarga (30 hari terakhir)', en: 'Days of serious conflict with family (past 30 days)' } },
  { code: 'F32', kind: 'rating', label: { id: 'Seberapa terganggu oleh masalah keluarga (30 hari terakhir)', en: 'How troubled by family problems (past 30 days)' } },
  { code: 'F34', kind: 'rating', label: { id: 'Seberapa penting terapi atau konseling untuk masalah keluarga', en: 'Importance of treatment or counselling for family problems' } },
  { code: 'P4', kind: 'yesno', label: { id: 'Depresi serius (30 hari terakhir)', en: 'Serious depression (past 30 days)' } },
  { code: 'P5', kind: 'yesno', label: { id: 'Kecemasan atau ketegangan serius (30 hari terakhir)', en: 'Serious anxiety or tension (past 30 days)' } },
  { code: 'P6', kind: 'yesno', label: { id: 'Halusinasi (30 hari terakhir)', en: 'Hallucinations (past 30 days)' } },
  { code: 'P7', kind: 'yesno', label: { id: 'Sulit memahami, berkonsentrasi atau mengingat (30 hari terakhir)', en: 'Trouble understanding, concentrating or remembering (past 30 days)' } },
  { code: 'P8', kind: 'yesno', label: { id: 'Sulit mengendalikan perilaku kekerasan (30 hari terakhir)', en: 'Trouble controlling violent behaviour (past 30 days)' } },
  { code: 'P9', kind: 'yesno', label: { id: 'Pikiran serius untuk bunuh diri (30 hari terakhir)', en: 'Serious thoughts of suicide (past 30 days)' } },
  { code: 'P10', kind: 'yesno', label: { id: 'Percobaan bunuh diri (30 hari terakhir)', en: 'Attempted suicide (past 30 days)' } },
  { code: 'P11', kind: 'yesno', label: { id: 'Mendapat resep obat untuk masalah psikologis atau emosional (30 hari terakhir)', en: 'Prescribed medication for a psychological or emotional problem (past 30 days)' } },
  { code: 'P12', kind: 'days', label: { id: 'Jumlah hari mengalami masalah psikologis atau emosional (30 hari terakhir)', en: 'Days with psychological or emotional problems (past 30 days)' } },
  { code: 'P13', kind: 'rating', label: { id: 'Seberapa terganggu oleh masalah psikologis atau emosional (30 hari terakhir)', en: 'How troubled by psychological or emotional problems (past 30 days)' } },
  { code: 'P14', kind: 'rating', label: { id: 'Seberapa penting terapi untuk masalah psikologis saat ini', en: 'Importance of treatment for psychological problems now' } },
] as const satisfies readonly AsiItemDefinition[];

export type AsiItemCode = (typeof ASI_ITEMS)[number]['code'];
export const ASI_ITEM_CODES = ASI_ITEMS.map((item) => item.code) as readonly AsiItemCode[];

export const SATISFACTION_ANSWERS = ['yes', 'indifferent', 'no'] as const;
export type Satisfaction = (typeof SATISFACTION_ANSWERS)[number];
/** F3r, F3 reversed for the family composite: satisfied 0, indifferent 1, not satisfied 2. */
export const F3_REVERSED: Record<Satisfaction, number> = { yes: 0, indifferent: 1, no: 2 };

export const SATISFACTION_LABELS: Record<Satisfaction, Label> = {
  yes: { id: 'Puas', en: 'Satisfied' },
  indifferent: { id: 'Biasa saja', en: 'Indifferent' },
  no: { id: 'Tidak puas', en: 'Not satisfied' },
};

/** The patient's own rating of an area, 0–4. */
export const PATIENT_RATING_LABELS: readonly Label[] = [
  { id: 'Tidak sama sekali', en: 'Not at all' },
  { id: 'Sedikit', en: 'Slightly' },
  { id: 'Sedang', en: 'Moderately' },
  { id: 'Cukup berat', en: 'Considerably' },
  { id: 'Sangat berat', en: 'Extremely' },
];

export const SEVERITY_BAND_CODES = ['no_real_problem', 'slight', 'moderate', 'considerable', 'extreme'] as const;
export type SeverityBandCode = (typeof SEVERITY_BAND_CODES)[number];

export interface SeverityBand {
  code: SeverityBandCode;
  from: number;
  to: number;
  label: Label;
}

/** The interviewer severity rating per area, 0–9, and what each band means for treatment. */
export const SEVERITY_BANDS: readonly SeverityBand[] = [
  { code: 'no_real_problem', from: 0, to: 1, label: { id: 'Tidak ada masalah nyata, terapi tidak diindikasikan', en: 'No real problem, treatment not indicated' } },
  { code: 'slight', from: 2, to: 3, label: { id: 'Masalah ringan, terapi mungkin tidak diperlukan', en: 'Slight problem, treatment probably not necessary' } },
  { code: 'moderate', from: 4, to: 5, label: { id: 'Masalah sedang, beberapa terapi diindikasikan', en: 'Moderate problem, some treatment indicated' } },
  { code: 'considerable', from: 6, to: 7, label: { id: 'Masalah cukup berat, terapi diperlukan', en: 'Considerable problem, treatment necessary' } },
  { code: 'extreme', from: 8, to: 9, label: { id: 'Masalah sangat berat, terapi mutlak diperlukan', en: 'Extreme problem, treatment absolutely necessary' } },
];

export const severityRatingSchema = z.number().int().min(0).max(9);

export function severityBand(rating: number): SeverityBand {
  const band = SEVERITY_BANDS.find((b) => Number.isInteger(rating) && rating >= b.from && rating <= b.to);
  if (!band) throw new RangeError(`A severity rating is a whole number from 0 to 9 (got ${rating}).`);
  return band;
}

// ---------------------------------------------------------------------------------------------
// Input.

type ItemValue<C extends AsiItemCode> = C extends 'F3' ? Satisfaction : number;

function itemSchema(item: AsiItemDefinition): z.ZodType<number | Satisfaction> {
  const field = `items.${item.code}`;
  const integer = (min: number, max: number, expectation: string) => {
    const error = mustBe(field, expectation);
    return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
  };
  switch (item.kind) {
    case 'days': return integer(0, 30, 'a whole number of days from 0 to 30');
    case 'rating': return integer(0, 4, 'a whole number from 0 to 4');
    case 'yesno': return integer(0, 1, '0 (no) or 1 (yes)');
    case 'money': {
      const error = mustBe(field, 'an amount of US dollars of 0 or more');
      return z.number({ error }).min(0, { error });
    }
    case 'satisfaction': return z.enum(SATISFACTION_ANSWERS, { error: mustBe(field, oneOf(SATISFACTION_ANSWERS)) });
  }
}

const itemsShape = Object.fromEntries(ASI_ITEMS.map((item) => [item.code, itemSchema(item).optional()])) as {
  [C in AsiItemCode]: z.ZodOptional<z.ZodType<ItemValue<C>>>;
};

export const asiInputSchema = z.strictObject(
  {
    instrument: z.literal(ASI_ID, { error: requiredOr('instrument', `"${ASI_ID}"`) }),
    version: z.literal(ASI_VERSION, { error: requiredOr('version', `"${ASI_VERSION}"`) }),
    /** An absent item is missing (−9 in the paper form), never zero. */
    items: z.strictObject(itemsShape, { error: requiredOr('items', 'an object keyed by ASI item code') }),
  },
  { error: requiredOr('The input', 'an object with instrument, version and items') },
);
export type AsiInput = z.infer<typeof asiInputSchema>;
export type AsiItems = AsiInput['items'];

const ITEM_RANGES =
  'M6–M8, E4, E5, E11, E12, E17, D1–D13, D23, D24, D26–D31, L24, L27–L29, F3, F18–F26, F30, F32, F34, P4–P14';

function unknownKeyMessage(parentPath: readonly PropertyKey[], key: string): string {
  if (formatPath(parentPath) === 'items') return `items.${key} is not an ASI-5 item recorded by Pulih (known items: ${ITEM_RANGES}).`;
  return `${key} is not a field of an ASI input (expected instrument, version and items).`;
}

export function validateAsiInput(input: unknown): Validation<AsiInput> {
  return validateWith(asiInputSchema, input, unknownKeyMessage);
}

// ---------------------------------------------------------------------------------------------
// Composite scores.

type NumericItemCode = Exclude<AsiItemCode, 'F3'> | 'F3r';

export interface CompositeDefinition {
  /** The items that must all be present for the composite to be computed. */
  items: readonly AsiItemCode[];
  formula: string;
  compute: (v: (code: NumericItemCode) => number) => number;
}

/** ln(x) where x > 0; the term is 0 otherwise (no income, no money spent). */
const ln = (x: number): number => (x > 0 ? Math.log(x) : 0);
const sum = (v: (code: NumericItemCode) => number, codes: readonly NumericItemCode[]) =>
  codes.reduce((total, code) => total + v(code), 0);

const DRUG_DAYS = ['D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D13', 'D27'] as const;
const FAMILY_PROBLEMS = ['F18', 'F19', 'F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F26'] as const;
const PSYCHIATRIC_SYMPTOMS = ['P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11'] as const;

export const COMPOSITES: Record<AsiArea, CompositeDefinition> = {
  medical: {
    items: ['M6', 'M7', 'M8'],
    formula: 'M6/90 + M7/12 + M8/12',
    compute: (v) => v('M6') / 90 + v('M7') / 12 + v('M8') / 12,
  },
  employment: {
    items: ['E4', 'E5', 'E11', 'E12'],
    formula: '1 − (E4/4 + E5/4 + E11/120 + ln(E12)/36)',
    compute: (v) => 1 - (v('E4') / 4 + v('E5') / 4 + v('E11') / 120 + ln(v('E12')) / 36),
  },
  alcohol: {
    items: ['D1', 'D2', 'D26', 'D28', 'D30', 'D23'],
    formula: 'D1/180 + D2/180 + D26/180 + D28/24 + D30/24 + ln(D23)/44',
    compute: (v) => v('D1') / 180 + v('D2') / 180 + v('D26') / 180 + v('D28') / 24 + v('D30') / 24 + ln(v('D23')) / 44,
  },
  drug: {
    items: [...DRUG_DAYS, 'D29', 'D31'],
    formula: '(D3 + D4 + D5 + D6 + D7 + D8 + D9 + D10 + D11 + D13 + D27)/390 + D29/52 + D31/52',
    compute: (v) => sum(v, DRUG_DAYS) / 390 + v('D29') / 52 + v('D31') / 52,
  },
  legal: {
    items: ['L24', 'L27', 'L28', 'L29', 'E17'],
    formula: 'L24/5 + L27/150 + L28/20 + L29/20 + ln(E17)/46',
    compute: (v) => v('L24') / 5 + v('L27') / 150 + v('L28') / 20 + v('L29') / 20 + ln(v('E17')) / 46,
  },
  family: {
    items: ['F3', 'F30', 'F32', 'F34', ...FAMILY_PROBLEMS],
    formula: 'F3r/10 + F30/150 + F32/20 + F34/20 + (F18 + … + F26)/9/5',
    compute: (v) => v('F3r') / 10 + v('F30') / 150 + v('F32') / 20 + v('F34') / 20 + sum(v, FAMILY_PROBLEMS) / 9 / 5,
  },
  psychiatric: {
    items: [...PSYCHIATRIC_SYMPTOMS, 'P12', 'P13', 'P14'],
    formula: '(P4 + … + P11)/11 + P12/330 + P13/44 + P14/44',
    compute: (v) => sum(v, PSYCHIATRIC_SYMPTOMS) / 11 + v('P12') / 330 + v('P13') / 44 + v('P14') / 44,
  },
};

const areaEnum = z.enum(ASI_AREAS);

export const asiResultSchema = z.object({
  instrument: z.literal(ASI_ID),
  version: z.literal(ASI_VERSION),
  /** Rounded to 4 decimals; null when an item of the composite is missing. */
  composites: z.record(areaEnum, z.number().nullable()),
  /** The missing items that left a composite uncomputed, for each area whose composite is null. */
  missing: z.partialRecord(areaEnum, z.array(z.enum(ASI_ITEM_CODES as [AsiItemCode, ...AsiItemCode[]]))),
  /** The areas whose formula fell outside 0–1 and were clamped to it (see scoreAsi). */
  clamped: z.array(areaEnum),
});
export type AsiResult = z.infer<typeof asiResultSchema>;

export interface AsiOptions {
  /** Clamp each composite to [0, 1]; true unless a study needs the raw formula value. */
  clampComposites?: boolean;
}

/**
 * The raw formula value of one composite, or null when any of its items is missing.
 * F3 enters the family composite as F3r.
 */
export function compositeValue(area: AsiArea, items: AsiItems): number | null {
  const definition = COMPOSITES[area];
  if (definition.items.some((code) => items[code] === undefined)) return null;
  const value = (code: NumericItemCode): number => {
    if (code === 'F3r') return items.F3 === undefined ? Number.NaN : F3_REVERSED[items.F3];
    return items[code] ?? Number.NaN;
  };
  return definition.compute(value);
}

/**
 * The seven composites, rounded half away from zero to 4 decimals.
 *
 * Clamping: domain.md §4 says each composite is 0–1, but two formulas can leave that range on
 * valid answers: employment drops below 0 once ln(E12)/36 outweighs what is left (E12 above about
 * e^9 ≈ 8,100 USD with a licence, a car and 30 paid days, or any E12 below 1 USD makes ln negative
 * and pushes it above 1), and legal passes 1 with every item at its maximum and E17 above about
 * 9,900 USD. The VistA routines print the raw value. No published test vector reaches either edge
 * (every vector's raw value is already inside 0–1, so clamped and raw agree on all of them), so we
 * follow domain.md: a composite is a 0–1 score, clamped by default, and `clamped` names the areas
 * that needed it so nothing is hidden. `clampComposites: false` gives the raw VistA value.
 */
export function scoreAsi(input: AsiInput, options: AsiOptions = {}): AsiResult {
  const clamp = options.clampComposites ?? true;
  const composites = {} as Record<AsiArea, number | null>;
  const missing: Partial<Record<AsiArea, AsiItemCode[]>> = {};
  const clamped: AsiArea[] = [];
  for (const area of ASI_AREAS) {
    const raw = compositeValue(area, input.items);
    if (raw === null) {
      composites[area] = null;
      missing[area] = COMPOSITES[area].items.filter((code) => input.items[code] === undefined);
      continue;
    }
    const inRange = Math.min(1, Math.max(0, raw));
    if (clamp && inRange !== raw) clamped.push(area);
    composites[area] = roundHalfAwayFromZero(clamp ? inRange : raw, 4);
  }
  return { instrument: ASI_ID, version: ASI_VERSION, composites, missing, clamped };
}
