import { z } from 'zod';
import type { AsiItemCode, Satisfaction } from './asi.ts';
import { SATISFACTION_ANSWERS } from './asi.ts';
import type { Label } from './common.ts';

/**
 * "Formulir Asesmen Wajib Lapor dan Rehabilitasi Medis" (Kemenkes, lampiran PMK 4/2020): the
 * Indonesian assessment form, which follows the ASI. Its sections, rows and options as data, and
 * a Zod schema for the form's data in which every field may be empty, as in a draft. Fields that
 * carry an ASI-5 item name it (`asiItem`), so the composites can be computed once those items are
 * all filled in (see asiItemsFromFormulir).
 */
export const FORMULIR_ID = 'formulir-asesmen-wlrm';
export const FORMULIR_VERSION = 'pmk-4-2020';
export const FORMULIR_TITLE: Label = {
  id: 'Formulir Asesmen Wajib Lapor dan Rehabilitasi Medis',
  en: 'Compulsory Reporting and Medical Rehabilitation Assessment Form',
};
export const FORMULIR_SOURCE: Label = {
  id: 'Lampiran Peraturan Menteri Kesehatan Nomor 4 Tahun 2020',
  en: 'Annex to Minister of Health Regulation No. 4 of 2020',
};

// ---------------------------------------------------------------------------------------------
// Rows and options.

/** A row or option of the form: the code stored and its label. */
interface Choice {
  code: string;
  label: Label;
}

/** A row or option whose answer is an ASI-5 item. */
interface AsiChoice extends Choice {
  asiItem: AsiItemCode;
}

export const DRUG_USE_ROWS = [
  { code: 'alcohol', asiItem: 'D1', label: { id: 'Alkohol', en: 'Alcohol' } },
  { code: 'heroin', asiItem: 'D3', label: { id: 'Heroin', en: 'Heroin' } },
  { code: 'methadone_buprenorphine', asiItem: 'D4', label: { id: 'Metadon/buprenorfin', en: 'Methadone/buprenorphine' } },
  { code: 'other_opiates', asiItem: 'D5', label: { id: 'Opiat lain/analgesik', en: 'Other opiates/analgesics' } },
  { code: 'barbiturates', asiItem: 'D6', label: { id: 'Barbiturat', en: 'Barbiturates' } },
  { code: 'sedatives', asiItem: 'D7', label: { id: 'Sedatif/hipnotik/trankuilizer', en: 'Sedatives/hypnotics/tranquillisers' } },
  { code: 'cocaine', asiItem: 'D8', label: { id: 'Kokain', en: 'Cocaine' } },
  { code: 'amphetamines', asiItem: 'D9', label: { id: 'Amfetamin (shabu, ekstasi)', en: 'Amphetamines (shabu, ecstasy)' } },
  { code: 'cannabis', asiItem: 'D10', label: { id: 'Kanabis (ganja)', en: 'Cannabis' } },
  { code: 'hallucinogens', asiItem: 'D11', label: { id: 'Halusinogen', en: 'Hallucinogens' } },
  { code: 'inhalants', asiItem: 'D12', label: { id: 'Inhalansia', en: 'Inhalants' } },
  { code: 'more_than_one', asiItem: 'D13', label: { id: 'Lebih dari satu zat per hari', en: 'More than one substance per day' } },
] as const satisfies readonly AsiChoice[];
export type DrugUseRowCode = (typeof DRUG_USE_ROWS)[number]['code'];
const DRUG_USE_ROW_CODES = DRUG_USE_ROWS.map((row) => row.code);
/** A main substance is one substance, so the "more than one per day" row is not a choice. */
const MAIN_SUBSTANCE_CODES = DRUG_USE_ROW_CODES.filter((code) => code !== 'more_than_one');

export const ROUTES = [
  { code: 1, label: { id: 'Oral (ditelan)', en: 'Oral' } },
  { code: 2, label: { id: 'Nasal/sublingual', en: 'Nasal/sublingual' } },
  { code: 3, label: { id: 'Dihisap/dirokok', en: 'Smoked' } },
  { code: 4, label: { id: 'Suntik non-IV', en: 'Injected, non-IV' } },
  { code: 5, label: { id: 'Suntik IV (intravena)', en: 'Injected IV' } },
] as const satisfies readonly { code: number; label: Label }[];
export type RouteCode = (typeof ROUTES)[number]['code'];

export const FAMILY_RELATIONS = [
  { code: 'mother', asiItem: 'F18', label: { id: 'Ibu', en: 'Mother' } },
  { code: 'father', asiItem: 'F19', label: { id: 'Ayah', en: 'Father' } },
  { code: 'siblings', asiItem: 'F20', label: { id: 'Saudara kandung', en: 'Brothers/sisters' } },
  { code: 'partner', asiItem: 'F21', label: { id: 'Pasangan', en: 'Partner/spouse' } },
  { code: 'children', asiItem: 'F22', label: { id: 'Anak', en: 'Children' } },
  { code: 'other_family', asiItem: 'F23', label: { id: 'Anggota keluarga lain', en: 'Other family' } },
  { code: 'close_friends', asiItem: 'F24', label: { id: 'Teman dekat', en: 'Close friends' } },
  { code: 'neighbours', asiItem: 'F25', label: { id: 'Tetangga', en: 'Neighbours' } },
  { code: 'coworkers', asiItem: 'F26', label: { id: 'Rekan kerja', en: 'Co-workers' } },
] as const satisfies readonly AsiChoice[];

export const PSYCHIATRIC_SYMPTOMS = [
  { code: 'depression', asiItem: 'P4', label: { id: 'Depresi serius', en: 'Serious depression' } },
  { code: 'anxiety', asiItem: 'P5', label: { id: 'Kecemasan atau ketegangan serius', en: 'Serious anxiety or tension' } },
  { code: 'hallucinations', asiItem: 'P6', label: { id: 'Halusinasi', en: 'Hallucinations' } },
  { code: 'cognitive', asiItem: 'P7', label: { id: 'Sulit memahami, berkonsentrasi atau mengingat', en: 'Trouble understanding, concentrating or remembering' } },
  { code: 'violence', asiItem: 'P8', label: { id: 'Sulit mengendalikan perilaku kekerasan', en: 'Trouble controlling violent behaviour' } },
  { code: 'suicidal_thoughts', asiItem: 'P9', label: { id: 'Pikiran serius untuk bunuh diri', en: 'Serious thoughts of suicide' } },
  { code: 'suicide_attempt', asiItem: 'P10', label: { id: 'Percobaan bunuh diri', en: 'Attempted suicide' } },
  { code: 'psychiatric_medication', asiItem: 'P11', label: { id: 'Mendapat resep obat psikiatri', en: 'Prescribed psychiatric medication' } },
] as const satisfies readonly AsiChoice[];

export const EXAM_SYSTEMS = [
  { code: 'general', label: { id: 'Keadaan umum', en: 'General condition' } },
  { code: 'skin', label: { id: 'Kulit (termasuk bekas suntikan)', en: 'Skin (including injection marks)' } },
  { code: 'head_neck', label: { id: 'Kepala dan leher (mata, THT)', en: 'Head and neck (eyes, ENT)' } },
  { code: 'cardiovascular', label: { id: 'Kardiovaskular', en: 'Cardiovascular' } },
  { code: 'respiratory', label: { id: 'Pernapasan', en: 'Respiratory' } },
  { code: 'abdomen', label: { id: 'Abdomen', en: 'Abdomen' } },
  { code: 'extremities', label: { id: 'Ekstremitas', en: 'Extremities' } },
  { code: 'neurological', label: { id: 'Neurologis', en: 'Neurological' } },
] as const satisfies readonly Choice[];

export const URINALYSIS_PANEL = [
  { code: 'benzodiazepines', label: { id: 'Benzodiazepin', en: 'Benzodiazepines' } },
  { code: 'cannabis', label: { id: 'Kanabis (THC)', en: 'Cannabis (THC)' } },
  { code: 'opiates', label: { id: 'Opiat', en: 'Opiates' } },
  { code: 'amphetamines', label: { id: 'Amfetamin/metamfetamin', en: 'Amphetamines/methamphetamine' } },
  { code: 'cocaine', label: { id: 'Kokain', en: 'Cocaine' } },
  { code: 'barbiturates', label: { id: 'Barbiturat', en: 'Barbiturates' } },
  { code: 'alcohol', label: { id: 'Alkohol', en: 'Alcohol' } },
] as const satisfies readonly Choice[];
export const URINALYSIS_RESULTS = ['negative', 'positive'] as const;

/** The interviewer severity grid, 0–9 per area; napza joins the ASI alcohol and drug areas. */
export const SEVERITY_AREAS = [
  { code: 'medical', asiAreas: ['medical'], label: { id: 'Status medis', en: 'Medical status' } },
  { code: 'employment_support', asiAreas: ['employment'], label: { id: 'Status pekerjaan/dukungan', en: 'Employment/support status' } },
  { code: 'napza', asiAreas: ['alcohol', 'drug'], label: { id: 'Penggunaan napza (alkohol dan narkoba)', en: 'Alcohol and drug use (napza)' } },
  { code: 'legal', asiAreas: ['legal'], label: { id: 'Status legal', en: 'Legal status' } },
  { code: 'family_social', asiAreas: ['family'], label: { id: 'Status keluarga/sosial', en: 'Family/social status' } },
  { code: 'psychiatric', asiAreas: ['psychiatric'], label: { id: 'Status psikiatris', en: 'Psychiatric status' } },
] as const satisfies readonly (Choice & { asiAreas: readonly string[] })[];
export type SeverityAreaCode = (typeof SEVERITY_AREAS)[number]['code'];

export const ICD10_DIAGNOSES = [
  { code: 'F10', label: { id: 'Gangguan mental dan perilaku akibat penggunaan alkohol', en: 'Mental and behavioural disorders due to use of alcohol' } },
  { code: 'F11', label: { id: 'Gangguan mental dan perilaku akibat penggunaan opioida', en: 'Mental and behavioural disorders due to use of opioids' } },
  { code: 'F12', label: { id: 'Gangguan mental dan perilaku akibat penggunaan kanabinoida', en: 'Mental and behavioural disorders due to use of cannabinoids' } },
  { code: 'F13', label: { id: 'Gangguan mental dan perilaku akibat penggunaan sedativa atau hipnotika', en: 'Mental and behavioural disorders due to use of sedatives or hypnotics' } },
  { code: 'F14', label: { id: 'Gangguan mental dan perilaku akibat penggunaan kokain', en: 'Mental and behavioural disorders due to use of cocaine' } },
  { code: 'F15', label: { id: 'Gangguan mental dan perilaku akibat penggunaan stimulansia lain termasuk kafein', en: 'Mental and behavioural disorders due to use of other stimulants, including caffeine' } },
  { code: 'F16', label: { id: 'Gangguan mental dan perilaku akibat penggunaan halusinogenika', en: 'Mental and behavioural disorders due to use of hallucinogens' } },
  { code: 'F17', label: { id: 'Gangguan mental dan perilaku akibat penggunaan tembakau', en: 'Mental and behavioural disorders due to use of tobacco' } },
  { code: 'F18', label: { id: 'Gangguan mental dan perilaku akibat penggunaan pelarut yang mudah menguap', en: 'Mental and behavioural disorders due to use of volatile solvents' } },
  { code: 'F19', label: { id: 'Gangguan mental dan perilaku akibat penggunaan zat multipel dan zat psikoaktif lainnya', en: 'Mental and behavioural disorders due to multiple drug use and use of other psychoactive substances' } },
] as const satisfies readonly Choice[];
export type Icd10Code = (typeof ICD10_DIAGNOSES)[number]['code'];

export const FOLLOW_UP_PLANS = [
  { code: 'further_assessment', label: { id: 'Asesmen lanjutan', en: 'Further assessment' } },
  { code: 'psychological_evaluation', label: { id: 'Evaluasi psikologis', en: 'Psychological evaluation' } },
  { code: 'detoxification', label: { id: 'Detoksifikasi', en: 'Detoxification' } },
  { code: 'motivational_interviewing', label: { id: 'Wawancara motivasional', en: 'Motivational interviewing' } },
  { code: 'brief_intervention', label: { id: 'Intervensi singkat', en: 'Brief intervention' } },
  { code: 'maintenance_therapy', label: { id: 'Terapi rumatan', en: 'Maintenance therapy' } },
  { code: 'inpatient_rehabilitation', label: { id: 'Rehabilitasi rawat inap', en: 'Inpatient rehabilitation' } },
  { code: 'counselling', label: { id: 'Konseling', en: 'Counselling' } },
  { code: 'other', label: { id: 'Lainnya', en: 'Other' } },
] as const satisfies readonly Choice[];

export const MARITAL_STATUSES = [
  { code: 'married', label: { id: 'Menikah', en: 'Married' } },
  { code: 'remarried', label: { id: 'Menikah kembali', en: 'Remarried' } },
  { code: 'widowed', label: { id: 'Cerai mati', en: 'Widowed' } },
  { code: 'separated', label: { id: 'Pisah ranjang', en: 'Separated' } },
  { code: 'divorced', label: { id: 'Cerai hidup', en: 'Divorced' } },
  { code: 'never_married', label: { id: 'Belum pernah menikah', en: 'Never married' } },
] as const satisfies readonly Choice[];

export const TEST_RESULTS = [
  { code: 'not_tested', label: { id: 'Belum pernah dites', en: 'Not tested' } },
  { code: 'negative', label: { id: 'Negatif', en: 'Negative' } },
  { code: 'positive', label: { id: 'Positif', en: 'Positive' } },
  { code: 'unknown', label: { id: 'Tidak tahu hasilnya', en: 'Result unknown' } },
] as const satisfies readonly Choice[];

export const LEGAL_STATUSES = [
  { code: 'tahanan', label: { id: 'Tahanan', en: 'Detainee awaiting trial' } },
  { code: 'narapidana', label: { id: 'Narapidana', en: 'Sentenced prisoner' } },
  { code: 'anak', label: { id: 'Anak binaan', en: 'Juvenile' } },
  { code: 'klien_bapas', label: { id: 'Klien Bapas (PB/CB)', en: 'Probation client (parole or leave)' } },
  { code: 'none', label: { id: 'Tidak dalam proses hukum', en: 'No legal proceedings' } },
] as const satisfies readonly Choice[];

// ---------------------------------------------------------------------------------------------
// Schema: every field optional and nullable, as a draft is saved before it is complete.

const codes = <T extends readonly { code: string }[]>(rows: T) =>
  rows.map((row) => row.code) as [T[number]['code'], ...T[number]['code'][]];

const opt = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const text = (max = 500) => opt(z.string().max(max));
const date = () => opt(z.iso.date());
const count = () => opt(z.number().int().min(0).max(999));
const days30 = () => opt(z.number().int().min(0).max(30));
const rating04 = () => opt(z.number().int().min(0).max(4));
const yesNo = () => opt(z.boolean());
const rupiah = () => opt(z.number().min(0));
const measure = (min: number, max: number) => opt(z.number().min(min).max(max));

function keyed<K extends string, T extends z.ZodType>(keys: readonly K[], value: T) {
  const shape = Object.fromEntries(keys.map((key) => [key, opt(value)])) as {
    [P in K]: z.ZodOptional<z.ZodNullable<T>>;
  };
  return z.strictObject(shape);
}

export const administrationSchema = z.strictObject({
  assessmentDate: date(),
  place: text(200),
  referralSource: text(200),
});

export const demographicsSchema = z.strictObject({
  sdpNumber: text(50),
  name: text(200),
  sex: opt(z.enum(['L', 'P'])),
  dateOfBirth: date(),
  maritalStatus: opt(z.enum(codes(MARITAL_STATUSES))),
  education: text(200),
  occupation: text(200),
});

export const medicalSchema = z.strictObject({
  hospitalisationsLifetime: count(),
  chronicIllness: yesNo(),
  chronicIllnessNotes: text(),
  hivTest: opt(z.enum(codes(TEST_RESULTS))),
  hepatitisBTest: opt(z.enum(codes(TEST_RESULTS))),
  hepatitisCTest: opt(z.enum(codes(TEST_RESULTS))),
  problemDays30: days30(),
  troubled: rating04(),
  treatmentImportance: rating04(),
});

export const employmentSchema = z.strictObject({
  educationYears: opt(z.number().int().min(0).max(30)),
  drivingLicence: yesNo(),
  vehicleAvailable: yesNo(),
  paidWorkDays30: days30(),
  employmentIncome30: rupiah(),
  illegalIncome30: rupiah(),
  mainSupport: text(200),
});

export const drugUseRowSchema = z.strictObject({
  days30: days30(),
  lifetimeYears: opt(z.number().int().min(0).max(99)),
  route: opt(z.literal(ROUTES.map((route) => route.code) as RouteCode[])),
});

export const drugUseSchema = z.strictObject({
  rows: opt(keyed(DRUG_USE_ROW_CODES, drugUseRowSchema)),
  alcoholToIntoxicationDays30: days30(),
  mainSubstance: opt(z.enum(MAIN_SUBSTANCE_CODES as [DrugUseRowCode, ...DrugUseRowCode[]])),
  moneySpentAlcohol30: rupiah(),
  moneySpentDrugs30: rupiah(),
  alcoholProblemDays30: days30(),
  drugProblemDays30: days30(),
  troubledByAlcohol: rating04(),
  troubledByDrugs: rating04(),
  alcoholTreatmentImportance: rating04(),
  drugTreatmentImportance: rating04(),
});

export const treatmentHistorySchema = z.strictObject({
  alcoholTreatmentEpisodes: count(),
  drugTreatmentEpisodes: count(),
  lastTreatmentPlace: text(200),
  lastTreatmentYear: opt(z.number().int().min(1900).max(2200)),
  alcoholOverdoses: count(),
  drugOverdoses: count(),
  lastOverdoseYear: opt(z.number().int().min(1900).max(2200)),
});

export const legalSchema = z.strictObject({
  status: opt(z.enum(codes(LEGAL_STATUSES))),
  charges: text(),
  article: text(200),
  previousConvictions: count(),
  awaitingChargesTrialOrSentence: yesNo(),
  illegalActivityDays30: days30(),
  seriousness: rating04(),
  counsellingImportance: rating04(),
});

export const familySocialSchema = z.strictObject({
  livingWith: text(200),
  maritalSatisfaction: opt(z.enum(SATISFACTION_ANSWERS)),
  seriousProblems30: opt(keyed(codes(FAMILY_RELATIONS), z.boolean())),
  conflictDays30: days30(),
  troubled: rating04(),
  counsellingImportance: rating04(),
});

export const psychiatricSchema = z.strictObject({
  symptoms: opt(keyed(codes(PSYCHIATRIC_SYMPTOMS), z.strictObject({ past30: yesNo(), lifetime: yesNo() }))),
  problemDays30: days30(),
  troubled: rating04(),
  treatmentImportance: rating04(),
});

export const physicalExamSchema = z.strictObject({
  systolic: measure(40, 300),
  diastolic: measure(20, 200),
  pulse: measure(20, 250),
  respiration: measure(4, 80),
  temperature: measure(30, 45),
  systems: opt(keyed(codes(EXAM_SYSTEMS), z.strictObject({ normal: yesNo(), notes: text() }))),
  injectionMarks: yesNo(),
});

export const urinalysisSchema = z.strictObject({
  testDate: date(),
  results: opt(keyed(codes(URINALYSIS_PANEL), z.enum(URINALYSIS_RESULTS))),
});

const signatureSchema = z.strictObject({
  name: text(200),
  role: text(200),
  signedOn: date(),
  signed: yesNo(),
});

export const formulirSchema = z.strictObject({
  administration: opt(administrationSchema),
  demographics: opt(demographicsSchema),
  medical: opt(medicalSchema),
  employment: opt(employmentSchema),
  drugUse: opt(drugUseSchema),
  treatmentHistory: opt(treatmentHistorySchema),
  legal: opt(legalSchema),
  familySocial: opt(familySocialSchema),
  psychiatric: opt(psychiatricSchema),
  physicalExam: opt(physicalExamSchema),
  urinalysis: opt(urinalysisSchema),
  severity: opt(keyed(codes(SEVERITY_AREAS), z.number().int().min(0).max(9))),
  diagnosis: opt(z.strictObject({ codes: opt(z.array(z.enum(codes(ICD10_DIAGNOSES))).max(10)), notes: text() })),
  followUp: opt(z.strictObject({ plans: opt(z.array(z.enum(codes(FOLLOW_UP_PLANS))).max(9)), otherPlan: text(200), notes: text() })),
  signatures: opt(z.strictObject({ assessor: opt(signatureSchema), client: opt(signatureSchema) })),
});
export type FormulirData = z.infer<typeof formulirSchema>;
export type FormulirSectionKey = keyof FormulirData;

// ---------------------------------------------------------------------------------------------
// Sections: titles, field labels, and the ASI item each single field feeds.

export interface FormulirField {
  label: Label;
  asiItem?: AsiItemCode;
  /** Money is recorded in rupiah; the ASI formulas expect US dollars. */
  unit?: 'rupiah' | 'days' | 'rating' | 'mmHg' | 'per_minute' | 'celsius';
}

type FieldsOf<S extends z.ZodObject> = Partial<Record<keyof z.infer<S> & string, FormulirField>>;

export interface FormulirSection {
  key: FormulirSectionKey;
  title: Label;
  fields: Partial<Record<string, FormulirField>>;
}

const l = (id: string, en: string): Label => ({ id, en });

export const FORMULIR_SECTIONS: readonly FormulirSection[] = [
  {
    key: 'administration', title: l('Data administrasi', 'Administration'),
    fields: {
      assessmentDate: { label: l('Tanggal asesmen', 'Assessment date') },
      place: { label: l('Tempat asesmen', 'Place of assessment') },
      referralSource: { label: l('Sumber rujukan', 'Referral source') },
    } satisfies FieldsOf<typeof administrationSchema>,
  },
  {
    key: 'demographics', title: l('Data demografis', 'Demographics'),
    fields: {
      sdpNumber: { label: l('Nomor registrasi SDP', 'SDP registration number') },
      name: { label: l('Nama', 'Name') },
      sex: { label: l('Jenis kelamin', 'Sex') },
      dateOfBirth: { label: l('Tanggal lahir', 'Date of birth') },
      maritalStatus: { label: l('Status perkawinan', 'Marital status') },
      education: { label: l('Pendidikan terakhir', 'Highest education') },
      occupation: { label: l('Pekerjaan', 'Occupation') },
    } satisfies FieldsOf<typeof demographicsSchema>,
  },
  {
    key: 'medical', title: l('Status medis', 'Medical status'),
    fields: {
      hospitalisationsLifetime: { label: l('Berapa kali dirawat inap karena masalah medis (seumur hidup)', 'Hospital stays for medical problems (lifetime)') },
      chronicIllness: { label: l('Ada penyakit kronis', 'Has a chronic illness') },
      chronicIllnessNotes: { label: l('Keterangan penyakit kronis', 'Chronic illness details') },
      hivTest: { label: l('Tes HIV', 'HIV test') },
      hepatitisBTest: { label: l('Tes hepatitis B', 'Hepatitis B test') },
      hepatitisCTest: { label: l('Tes hepatitis C', 'Hepatitis C test') },
      problemDays30: { label: l('Hari mengalami masalah medis (30 hari terakhir)', 'Days with medical problems (past 30)'), asiItem: 'M6', unit: 'days' },
      troubled: { label: l('Seberapa terganggu oleh masalah medis', 'How troubled by medical problems'), asiItem: 'M7', unit: 'rating' },
      treatmentImportance: { label: l('Seberapa penting pengobatan medis saat ini', 'Importance of medical treatment now'), asiItem: 'M8', unit: 'rating' },
    } satisfies FieldsOf<typeof medicalSchema>,
  },
  {
    key: 'employment', title: l('Status pekerjaan/dukungan', 'Employment/support status'),
    fields: {
      educationYears: { label: l('Lama pendidikan (tahun)', 'Years of education') },
      drivingLicence: { label: l('Memiliki SIM yang berlaku', "Has a valid driver's licence"), asiItem: 'E4' },
      vehicleAvailable: { label: l('Memiliki kendaraan yang dapat dipakai', 'Has a vehicle available'), asiItem: 'E5' },
      paidWorkDays30: { label: l('Hari bekerja dan dibayar (30 hari terakhir)', 'Days paid for work (past 30)'), asiItem: 'E11', unit: 'days' },
      employmentIncome30: { label: l('Penghasilan dari pekerjaan (30 hari terakhir)', 'Income from work (past 30 days)'), asiItem: 'E12', unit: 'rupiah' },
      illegalIncome30: { label: l('Penghasilan ilegal (30 hari terakhir)', 'Illegal income (past 30 days)'), asiItem: 'E17', unit: 'rupiah' },
      mainSupport: { label: l('Sumber dukungan utama', 'Main source of support') },
    } satisfies FieldsOf<typeof employmentSchema>,
  },
  {
    key: 'drugUse', title: l('Status penggunaan napza', 'Alcohol and drug use'),
    fields: {
      rows: { label: l('Penggunaan per zat: 30 hari terakhir, seumur hidup (tahun), cara pakai', 'Use per substance: past 30 days, lifetime years, route') },
      alcoholToIntoxicationDays30: { label: l('Alkohol sampai mabuk (hari, 30 hari terakhir)', 'Alcohol to intoxication (days, past 30)'), asiItem: 'D2', unit: 'days' },
      mainSubstance: { label: l('Zat utama', 'Main substance') },
      moneySpentAlcohol30: { label: l('Uang untuk alkohol (30 hari terakhir)', 'Money spent on alcohol (past 30 days)'), asiItem: 'D23', unit: 'rupiah' },
      moneySpentDrugs30: { label: l('Uang untuk narkoba (30 hari terakhir)', 'Money spent on drugs (past 30 days)'), asiItem: 'D24', unit: 'rupiah' },
      alcoholProblemDays30: { label: l('Hari mengalami masalah alkohol (30 hari terakhir)', 'Days with alcohol problems (past 30)'), asiItem: 'D26', unit: 'days' },
      drugProblemDays30: { label: l('Hari mengalami masalah narkoba (30 hari terakhir)', 'Days with drug problems (past 30)'), asiItem: 'D27', unit: 'days' },
      troubledByAlcohol: { label: l('Seberapa terganggu oleh masalah alkohol', 'How troubled by alcohol problems'), asiItem: 'D28', unit: 'rating' },
      troubledByDrugs: { label: l('Seberapa terganggu oleh masalah narkoba', 'How troubled by drug problems'), asiItem: 'D29', unit: 'rating' },
      alcoholTreatmentImportance: { label: l('Seberapa penting terapi masalah alkohol saat ini', 'Importance of alcohol treatment now'), asiItem: 'D30', unit: 'rating' },
      drugTreatmentImportance: { label: l('Seberapa penting terapi masalah narkoba saat ini', 'Importance of drug treatment now'), asiItem: 'D31', unit: 'rating' },
    } satisfies FieldsOf<typeof drugUseSchema>,
  },
  {
    key: 'treatmentHistory', title: l('Riwayat terapi dan overdosis', 'Earlier treatment and overdoses'),
    fields: {
      alcoholTreatmentEpisodes: { label: l('Berapa kali menjalani terapi alkohol', 'Times treated for alcohol') },
      drugTreatmentEpisodes: { label: l('Berapa kali menjalani terapi/rehabilitasi narkoba', 'Times treated for drugs') },
      lastTreatmentPlace: { label: l('Tempat terapi terakhir', 'Place of last treatment') },
      lastTreatmentYear: { label: l('Tahun terapi terakhir', 'Year of last treatment') },
      alcoholOverdoses: { label: l('Berapa kali overdosis alkohol (delirium tremens)', 'Alcohol overdoses (delirium tremens)') },
      drugOverdoses: { label: l('Berapa kali overdosis narkoba', 'Drug overdoses') },
      lastOverdoseYear: { label: l('Tahun overdosis terakhir', 'Year of last overdose') },
    } satisfies FieldsOf<typeof treatmentHistorySchema>,
  },
  {
    key: 'legal', title: l('Status legal', 'Legal status'),
    fields: {
      status: { label: l('Status hukum saat ini', 'Present legal status') },
      charges: { label: l('Tuduhan/dakwaan', 'Charges') },
      article: { label: l('Pasal yang disangkakan', 'Article charged') },
      previousConvictions: { label: l('Berapa kali pernah dihukum', 'Previous convictions') },
      awaitingChargesTrialOrSentence: { label: l('Sedang menunggu dakwaan, sidang atau putusan', 'Awaiting charges, trial or sentence'), asiItem: 'L24' },
      illegalActivityDays30: { label: l('Hari melakukan kegiatan ilegal untuk keuntungan (30 hari terakhir)', 'Days of illegal activity for profit (past 30)'), asiItem: 'L27', unit: 'days' },
      seriousness: { label: l('Seberapa serius masalah hukum saat ini', 'Seriousness of present legal problems'), asiItem: 'L28', unit: 'rating' },
      counsellingImportance: { label: l('Seberapa penting konseling hukum', 'Importance of legal counselling'), asiItem: 'L29', unit: 'rating' },
    } satisfies FieldsOf<typeof legalSchema>,
  },
  {
    key: 'familySocial', title: l('Riwayat keluarga/sosial', 'Family/social relationships'),
    fields: {
      livingWith: { label: l('Tinggal bersama', 'Living with') },
      maritalSatisfaction: { label: l('Puas dengan status perkawinan', 'Satisfied with marital situation'), asiItem: 'F3' },
      seriousProblems30: { label: l('Masalah serius dengan orang-orang ini (30 hari terakhir)', 'Serious problems with these people (past 30 days)') },
      conflictDays30: { label: l('Hari konflik serius dengan keluarga (30 hari terakhir)', 'Days of serious family conflict (past 30)'), asiItem: 'F30', unit: 'days' },
      troubled: { label: l('Seberapa terganggu oleh masalah keluarga', 'How troubled by family problems'), asiItem: 'F32', unit: 'rating' },
      counsellingImportance: { label: l('Seberapa penting konseling keluarga', 'Importance of family counselling'), asiItem: 'F34', unit: 'rating' },
    } satisfies FieldsOf<typeof familySocialSchema>,
  },
  {
    key: 'psychiatric', title: l('Status psikiatris', 'Psychiatric status'),
    fields: {
      symptoms: { label: l('Gejala: 30 hari terakhir dan seumur hidup', 'Symptoms: past 30 days and lifetime') },
      problemDays30: { label: l('Hari mengalami masalah psikologis (30 hari terakhir)', 'Days with psychological problems (past 30)'), asiItem: 'P12', unit: 'days' },
      troubled: { label: l('Seberapa terganggu oleh masalah psikologis', 'How troubled by psychological problems'), asiItem: 'P13', unit: 'rating' },
      treatmentImportance: { label: l('Seberapa penting terapi psikologis saat ini', 'Importance of psychological treatment now'), asiItem: 'P14', unit: 'rating' },
    } satisfies FieldsOf<typeof psychiatricSchema>,
  },
  {
    key: 'physicalExam', title: l('Pemeriksaan fisik', 'Physical examination'),
    fields: {
      systolic: { label: l('Tekanan darah sistolik', 'Systolic blood pressure'), unit: 'mmHg' },
      diastolic: { label: l('Tekanan darah diastolik', 'Diastolic blood pressure'), unit: 'mmHg' },
      pulse: { label: l('Nadi', 'Pulse'), unit: 'per_minute' },
      respiration: { label: l('Frekuensi napas', 'Respiration'), unit: 'per_minute' },
      temperature: { label: l('Suhu', 'Temperature'), unit: 'celsius' },
      systems: { label: l('Pemeriksaan per sistem', 'Systems') },
      injectionMarks: { label: l('Ada bekas suntikan', 'Injection marks present') },
    } satisfies FieldsOf<typeof physicalExamSchema>,
  },
  {
    key: 'urinalysis', title: l('Pemeriksaan urin', 'Urinalysis'),
    fields: {
      testDate: { label: l('Tanggal tes', 'Test date') },
      results: { label: l('Hasil per zat', 'Result per substance') },
    } satisfies FieldsOf<typeof urinalysisSchema>,
  },
  { key: 'severity', title: l('Skor keparahan (0–9)', 'Severity ratings (0–9)'), fields: {} },
  { key: 'diagnosis', title: l('Diagnosis kerja (ICD-10)', 'Working diagnosis (ICD-10)'), fields: {} },
  { key: 'followUp', title: l('Rencana tindak lanjut', 'Follow-up plan'), fields: {} },
  { key: 'signatures', title: l('Tanda tangan (asesor dan klien)', 'Signatures (assessor and client)'), fields: {} },
];

// ---------------------------------------------------------------------------------------------
// From the form to the ASI items.

export interface FormulirToAsiOptions {
  /** The exchange rate for money items: the form records rupiah, the ASI formulas US dollars. */
  rupiahPerUsd: number;
}

export type AsiItemValues = Partial<Record<AsiItemCode, number | Satisfaction>>;

/**
 * The ASI-5 items the form holds, ready for `{ instrument: 'asi', version: '5', items }`. Empty
 * fields stay absent (missing, never zero); yes/no become 1/0; rupiah become US dollars.
 */
export function asiItemsFromFormulir(form: FormulirData, options: FormulirToAsiOptions): AsiItemValues {
  if (!(options.rupiahPerUsd > 0)) throw new RangeError('rupiahPerUsd must be a positive exchange rate.');
  const items: AsiItemValues = {};
  const put = (item: AsiItemCode, value: number | boolean | string | null | undefined, unit?: FormulirField['unit']) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'boolean') items[item] = value ? 1 : 0;
    else if (typeof value === 'number') items[item] = unit === 'rupiah' ? value / options.rupiahPerUsd : value;
    else if ((SATISFACTION_ANSWERS as readonly string[]).includes(value)) items[item] = value as Satisfaction;
  };
  for (const section of FORMULIR_SECTIONS) {
    const data = form[section.key] as Record<string, unknown> | null | undefined;
    for (const [field, definition] of Object.entries(section.fields)) {
      if (!definition?.asiItem) continue;
      const value = data?.[field];
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') put(definition.asiItem, value, definition.unit);
    }
  }
  for (const row of DRUG_USE_ROWS) put(row.asiItem, form.drugUse?.rows?.[row.code]?.days30);
  for (const relation of FAMILY_RELATIONS) put(relation.asiItem, form.familySocial?.seriousProblems30?.[relation.code]);
  for (const symptom of PSYCHIATRIC_SYMPTOMS) put(symptom.asiItem, form.psychiatric?.symptoms?.[symptom.code]?.past30);
  return items;
}
