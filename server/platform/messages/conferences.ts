// Server messages and field labels of case conferences, outcomes, certificates and referrals. Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const conferencesMessages = {
  'error.outcome.notActive': 'Program ini tidak sedang dijalani (bukan status aktif), sehingga tidak dapat diselesaikan.',
  'error.outcome.notOpen': 'Program ini sudah berakhir atau tidak sedang dijalani, sehingga tidak dapat dihentikan.',
  'error.certificate.notCompleted': 'Sertifikat hanya tersedia untuk program yang telah diselesaikan.',
  'validation.conference.enrolmentRequired': 'pilih program yang sedang dijalani; keputusan ini mengubah program tersebut',
  'validation.conference.programmeRequired': 'pilih program tujuan',
  'validation.conference.referralTargetRequired': 'pilih organisasi tujuan rujukan atau tuliskan namanya',
  'validation.conference.referralReasonRequired': 'tuliskan alasan rujukan',
  'validation.conference.duplicatePerson': 'warga binaan ini sudah tercantum di atas',
  'validation.conference.personNotInUnit': 'warga binaan tidak ditemukan di unit ini',
  'validation.conference.enrolmentNotOfPerson': 'program ini bukan milik warga binaan tersebut',
  'validation.conference.programmeNotInUnit': 'program tidak ditemukan di unit ini',
  'validation.conference.sameProgramme': 'program tujuan sama dengan program saat ini',
  'validation.conference.unknownOrganization': 'organisasi tidak dikenal',
  'validation.conference.unknownUser': 'akun tidak dikenal',
  'validation.outcome.reasonRequired': 'pilih alasan penghentian',
  'validation.outcome.reasonInvalid': 'alasan penghentian tidak dikenal (voluntary, rule_violation, health, transfer, release, absconded atau other)',
  'validation.outcome.noteRequiredForOther': 'tuliskan keterangan untuk alasan "lainnya"',
  'validation.outcome.notActive': 'program ini tidak sedang dijalani, sehingga tidak dapat diselesaikan',
  'validation.outcome.notOpen': 'program ini sudah berakhir',
  'validation.outcome.endBeforeStart': 'tanggal selesai tidak boleh sebelum program dimulai',
} as const satisfies Record<string, string>;

export const conferencesMessagesEn: Record<keyof typeof conferencesMessages, string> = {
  'error.outcome.notActive': 'This programme is not under way (not active), so it cannot be completed.',
  'error.outcome.notOpen': 'This programme has already ended or is not under way, so it cannot be stopped.',
  'error.certificate.notCompleted': 'A certificate exists only for a completed programme.',
  'validation.conference.enrolmentRequired': 'choose the programme the person is in; this decision changes it',
  'validation.conference.programmeRequired': 'choose the programme to move to',
  'validation.conference.referralTargetRequired': 'choose the organisation referred to or write its name',
  'validation.conference.referralReasonRequired': 'give the reason for the referral',
  'validation.conference.duplicatePerson': 'this person is already listed above',
  'validation.conference.personNotInUnit': 'the person is not found in this unit',
  'validation.conference.enrolmentNotOfPerson': "this programme is not the person's",
  'validation.conference.programmeNotInUnit': 'the programme is not found in this unit',
  'validation.conference.sameProgramme': 'the new programme is the current one',
  'validation.conference.unknownOrganization': 'unknown organisation',
  'validation.conference.unknownUser': 'unknown account',
  'validation.outcome.reasonRequired': 'choose the reason for stopping',
  'validation.outcome.reasonInvalid': 'not a known reason for stopping (voluntary, rule_violation, health, transfer, release, absconded or other)',
  'validation.outcome.noteRequiredForOther': 'write a note for the reason "other"',
  'validation.outcome.notActive': 'this programme is not under way, so it cannot be completed',
  'validation.outcome.notOpen': 'this programme has already ended',
  'validation.outcome.endBeforeStart': 'the end date cannot be before the programme started',
};

export const conferencesLabels = {
  title: 'Judul',
  notes: 'Catatan',
  attendees: 'Peserta konferensi',
  people: 'Warga binaan yang dibahas',
  toOrganizationId: 'Organisasi tujuan',
  referredOn: 'Tanggal rujukan',
} as const satisfies Record<string, string>;

export const conferencesLabelsEn: Record<keyof typeof conferencesLabels, string> = {
  title: 'Title',
  notes: 'Notes',
  attendees: 'Attendees',
  people: 'People discussed',
  toOrganizationId: 'Organisation referred to',
  referredOn: 'Referral date',
};
