// Server messages and field labels of counselling notes, incidents and methadone (PTRM). Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const notesMessages = {
  'error.ptrm.alreadyOpen': 'Warga binaan ini sudah tercatat menjalani PTRM di {clinic} sejak {since}. Akhiri catatan itu terlebih dahulu sebelum mencatat yang baru.',
  'error.ptrm.ended': 'Catatan PTRM ini sudah diakhiri dan tidak dapat ditambah lagi. Buat catatan PTRM baru bila terapi dimulai kembali.',
  'validation.notes.enrolmentNotPerson': 'bukan program warga binaan ini',
  'validation.ptrm.doseOneDecimal': 'dosis paling banyak satu angka di belakang koma (misalnya 72,5)',
  'validation.ptrm.beforeStart': 'tanggal tidak boleh sebelum PTRM dimulai ({date})',
  'validation.ptrm.unknownClinic': 'organisasi klinik tidak ditemukan',
} as const satisfies Record<string, string>;

export const notesMessagesEn: Record<keyof typeof notesMessages, string> = {
  'error.ptrm.alreadyOpen': 'This person is already recorded as on PTRM at {clinic} since {since}. End that record before recording a new one.',
  'error.ptrm.ended': 'This PTRM record has ended and takes no more entries. Start a new PTRM record if treatment resumes.',
  'validation.notes.enrolmentNotPerson': "is not one of this person's programmes",
  'validation.ptrm.doseOneDecimal': 'the dose allows at most one decimal (e.g. 72.5)',
  'validation.ptrm.beforeStart': 'the date cannot be before PTRM started ({date})',
  'validation.ptrm.unknownClinic': 'the clinic organisation was not found',
};

export const notesLabels = {
  topic: 'Topik',
  summary: 'Ringkasan',
  plan: 'Rencana tindak lanjut',
  occurredOn: 'Tanggal kejadian',
  actionTaken: 'Tindakan yang diambil',
  clinicName: 'Klinik PTRM',
  clinicOrganizationId: 'Organisasi klinik',
  dose: 'Dosis',
  doseMg: 'Dosis (mg)',
  reportedOn: 'Tanggal laporan dosis',
  source: 'Sumber laporan',
} as const satisfies Record<string, string>;

export const notesLabelsEn: Record<keyof typeof notesLabels, string> = {
  topic: 'Topic',
  summary: 'Summary',
  plan: 'Follow-up plan',
  occurredOn: 'Date of the incident',
  actionTaken: 'Action taken',
  clinicName: 'PTRM clinic',
  clinicOrganizationId: 'Clinic organisation',
  dose: 'Dose',
  doseMg: 'Dose (mg)',
  reportedOn: 'Dose report date',
  source: 'Source of the report',
};
