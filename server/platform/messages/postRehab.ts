// Server messages and field labels of a Bapas's post-rehabilitation programmes. Keys follow the main
// catalogue's scheme ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const postRehabMessages = {
  'error.postRehab.notPostRehab': 'Program ini bukan program pascarehabilitasi sebuah Bapas.',
  'error.postRehab.alreadyEnrolled': 'Klien ini sudah terdaftar di program ini.',
  'error.postRehab.full': 'Program ini sudah penuh.',
  'validation.postRehab.unknownReferral': 'rujukan pascarehabilitasi ke Bapas ini tidak ditemukan',
  'validation.postRehab.notAccepted': 'rujukan ini belum diterima, ditolak atau sudah ditutup',
  'validation.postRehab.noConsent': 'persetujuan klien untuk berbagi informasi dengan Bapas ini tidak berlaku',
  'validation.postRehab.notReleased': 'klien belum bebas; program pascarehabilitasi dimulai setelah pembebasan',
  'validation.postRehab.beforeRelease': 'tanggal mulai tidak boleh sebelum tanggal bebas',
  'error.postRehab.notActive': 'Keikutsertaan ini sudah berakhir; hanya peserta aktif yang dapat dinyatakan selesai atau berhenti.',
  'validation.postRehab.noteRequiredForDrop': 'wajib diisi: tuliskan mengapa klien berhenti',
  'validation.postRehab.endBeforeStart': 'tanggal berakhir tidak boleh sebelum tanggal mulai program',
  'postRehab.endedByRevocation': 'Persetujuan berbagi informasi dicabut',
  'postRehab.endedByClosing': 'Rujukan pascarehabilitasi ditutup: {outcome}',
  'postRehab.outcome.stable': 'stabil',
  'postRehab.outcome.relapse': 'kambuh',
  'postRehab.outcome.re_offended': 'mengulangi tindak pidana',
  'postRehab.outcome.lost_to_follow_up': 'hilang dari pemantauan',
} as const satisfies Record<string, string>;

export const postRehabMessagesEn: Record<keyof typeof postRehabMessages, string> = {
  'error.postRehab.notPostRehab': 'This programme is not a Bapas post-rehabilitation programme.',
  'error.postRehab.alreadyEnrolled': 'This client is already enrolled in this programme.',
  'error.postRehab.full': 'This programme is full.',
  'validation.postRehab.unknownReferral': 'no aftercare referral to this Bapas was found',
  'validation.postRehab.notAccepted': 'this referral is not accepted, was declined or is closed',
  'validation.postRehab.noConsent': "the client's consent to share with this Bapas is not in force",
  'validation.postRehab.notReleased': 'the client is not released yet; post-rehabilitation starts after release',
  'validation.postRehab.beforeRelease': 'the start date cannot be before the release date',
  'error.postRehab.notActive': 'This enrolment has already ended; only an active client can be marked completed or dropped.',
  'validation.postRehab.noteRequiredForDrop': 'required: say why the client dropped out',
  'validation.postRehab.endBeforeStart': 'the end date cannot be before the programme started',
  'postRehab.endedByRevocation': 'Consent to share was revoked',
  'postRehab.endedByClosing': 'Aftercare referral closed: {outcome}',
  'postRehab.outcome.stable': 'stable',
  'postRehab.outcome.relapse': 'relapse',
  'postRehab.outcome.re_offended': 're-offended',
  'postRehab.outcome.lost_to_follow_up': 'lost to follow-up',
};

export const postRehabLabels = {
  referralId: 'Rujukan',
  startDate: 'Tanggal mulai',
} as const satisfies Record<string, string>;

export const postRehabLabelsEn: Record<keyof typeof postRehabLabels, string> = {
  referralId: 'Referral',
  startDate: 'Start date',
};
