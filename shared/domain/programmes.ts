import type { ProgrammeBody } from '../contracts/programmes.ts';

/**
 * The default catalogue of a unit (domain.md §2), every value editable per unit: education and
 * brief intervention; medical rehabilitation (about 6 months, outpatient style); social
 * rehabilitation as a modified Therapeutic Community (24 weeks = 2 entry + 19 core + 3 re-entry);
 * post-rehabilitation; methadone maintenance (PTRM); VCT and counselling.
 */
export const DEFAULT_PROGRAMMES: readonly ProgrammeBody[] = [
  {
    kind: 'education', name: 'Edukasi dan intervensi singkat', durationWeeks: 4, capacity: 60, active: true, phases: [],
    description: 'Edukasi tentang narkoba dan intervensi singkat bagi warga binaan berisiko rendah.',
    sessionTypes: [
      { code: 'seminar', name: 'Seminar adiksi', mode: 'group', perWeek: 1, everyWeeks: 1, durationMinutes: 90, minGroup: 10, maxGroup: 40 },
      { code: 'brief_intervention', name: 'Intervensi singkat', mode: 'individual', perWeek: 1, everyWeeks: 2, durationMinutes: 30, minGroup: null, maxGroup: null },
    ],
  },
  {
    kind: 'medical', name: 'Rehabilitasi medis (rawat jalan)', durationWeeks: 26, capacity: 40, active: true, phases: [],
    description: 'Rehabilitasi medis di dalam UPT selama sekitar enam bulan; prioritas bagi yang memiliki komorbiditas.',
    sessionTypes: [
      { code: 'medical_review', name: 'Pemeriksaan dan terapi simtomatik', mode: 'individual', perWeek: 1, everyWeeks: 2, durationMinutes: 30, minGroup: null, maxGroup: null },
      { code: 'individual_counselling', name: 'Konseling individu', mode: 'individual', perWeek: 1, everyWeeks: 1, durationMinutes: 60, minGroup: null, maxGroup: null },
      { code: 'seminar', name: 'Seminar adiksi', mode: 'group', perWeek: 1, everyWeeks: 2, durationMinutes: 90, minGroup: 6, maxGroup: 30 },
      { code: 'motivational_interviewing', name: 'Wawancara motivasional', mode: 'individual', perWeek: 1, everyWeeks: 2, durationMinutes: 45, minGroup: null, maxGroup: null },
      { code: 'urine_test', name: 'Tes urine', mode: 'individual', perWeek: 1, everyWeeks: 4, durationMinutes: 15, minGroup: null, maxGroup: null },
    ],
  },
  {
    kind: 'social', name: 'Rehabilitasi sosial (Therapeutic Community)', durationWeeks: 24, capacity: 40, active: true,
    description: 'Komunitas terapeutik termodifikasi di blok rehabilitasi.',
    phases: [
      { code: 'entry', name: 'Evaluasi awal (entry)', weeks: 2 },
      { code: 'core', name: 'Program utama (primary)', weeks: 19 },
      { code: 're_entry', name: 'Re-entry dan vokasional', weeks: 3 },
    ],
    sessionTypes: [
      { code: 'morning_meeting', name: 'Morning meeting', mode: 'community', perWeek: 5, everyWeeks: 1, durationMinutes: 60, minGroup: null, maxGroup: null },
      { code: 'group_counselling', name: 'Konseling kelompok (static group)', mode: 'group', perWeek: 2, everyWeeks: 1, durationMinutes: 120, minGroup: 6, maxGroup: 8 },
      { code: 'individual_counselling', name: 'Konseling individu', mode: 'individual', perWeek: 1, everyWeeks: 1, durationMinutes: 60, minGroup: null, maxGroup: null },
      { code: 'seminar', name: 'Seminar (marah, relasi, asertif, pemecahan masalah, pencegahan kekambuhan)', mode: 'group', perWeek: 1, everyWeeks: 1, durationMinutes: 90, minGroup: 6, maxGroup: 40 },
      { code: 'family_support', name: 'Konseling keluarga', mode: 'individual', perWeek: 1, everyWeeks: 4, durationMinutes: 60, minGroup: null, maxGroup: null },
      { code: 'religious', name: 'Kegiatan keagamaan', mode: 'group', perWeek: 2, everyWeeks: 1, durationMinutes: 60, minGroup: 6, maxGroup: 40 },
      { code: 'recreational', name: 'Kegiatan rekreasional', mode: 'group', perWeek: 1, everyWeeks: 1, durationMinutes: 90, minGroup: 6, maxGroup: 40 },
      { code: 'vocational', name: 'Kegiatan vokasional', mode: 'group', perWeek: 2, everyWeeks: 1, durationMinutes: 120, minGroup: 6, maxGroup: 20 },
      { code: 'case_conference', name: 'Case conference', mode: 'individual', perWeek: 1, everyWeeks: 4, durationMinutes: 30, minGroup: null, maxGroup: null },
      { code: 'urine_test', name: 'Tes urine', mode: 'individual', perWeek: 1, everyWeeks: 4, durationMinutes: 15, minGroup: null, maxGroup: null },
    ],
  },
  {
    kind: 'post_rehab', name: 'Pascarehabilitasi', durationWeeks: 12, capacity: 40, active: true, phases: [],
    description: 'Pencegahan kekambuhan dan pelibatan keluarga; dijalankan Bapas bersama BNNK/IPWL setelah bebas bersyarat.',
    sessionTypes: [
      { code: 'relapse_prevention', name: 'Kelompok pencegahan kekambuhan', mode: 'group', perWeek: 1, everyWeeks: 1, durationMinutes: 90, minGroup: 6, maxGroup: 12 },
      { code: 'family_support', name: 'Dukungan keluarga', mode: 'individual', perWeek: 1, everyWeeks: 4, durationMinutes: 60, minGroup: null, maxGroup: null },
      { code: 'urine_test', name: 'Tes urine', mode: 'individual', perWeek: 1, everyWeeks: 4, durationMinutes: 15, minGroup: null, maxGroup: null },
    ],
  },
  {
    kind: 'ptrm', name: 'Program terapi rumatan metadon (PTRM)', durationWeeks: 26, capacity: 30, active: true, phases: [],
    description: 'Dosis dicatat di sistem klinik metadon; Pulih mencatat keikutsertaan dan kesinambungan layanan.',
    sessionTypes: [
      { code: 'ptrm_counselling', name: 'Konseling PTRM', mode: 'individual', perWeek: 1, everyWeeks: 2, durationMinutes: 30, minGroup: null, maxGroup: null },
    ],
  },
  {
    kind: 'vct_counselling', name: 'VCT dan konseling', durationWeeks: 4, capacity: 60, active: true, phases: [],
    description: 'Konseling dan tes HIV sukarela, serta konseling adiksi.',
    sessionTypes: [
      { code: 'vct', name: 'Konseling dan tes HIV sukarela (VCT)', mode: 'individual', perWeek: 1, everyWeeks: 4, durationMinutes: 45, minGroup: null, maxGroup: null },
      { code: 'individual_counselling', name: 'Konseling individu', mode: 'individual', perWeek: 1, everyWeeks: 1, durationMinutes: 60, minGroup: null, maxGroup: null },
    ],
  },
];
