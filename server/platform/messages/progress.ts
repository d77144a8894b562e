// Server messages and field labels of Therapeutic Community phases, peer roles, re-assessment and care tasks. Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const progressMessages = {
  'error.progress.enrolmentNotActive': 'Keikutsertaan ini tidak aktif; fase dan peran hanya dicatat selama program berjalan.',
  'error.progress.noPhases': 'Program ini tidak memiliki fase.',
  'error.progress.enrolmentNotStarted': 'Asesmen ulang hanya untuk keikutsertaan yang sudah dimulai dan tidak dihentikan.',
  'error.progress.pointDone': 'Asesmen ulang pada titik ini sudah ditandatangani. Koreksi dilakukan dengan adendum.',
  'error.progress.roleEnded': 'Peran ini sudah diakhiri.',
  'error.progress.taskClosed': 'Tugas ini sudah ditutup.',
  'validation.progress.unknownPhase': 'fase ini tidak ada dalam program',
  'validation.progress.notNextPhase': 'naik fase hanya ke fase berikutnya ({phase})',
  'validation.progress.lastPhase': 'sudah berada di fase terakhir',
  'validation.progress.firstPhase': 'sudah berada di fase pertama',
  'validation.progress.notEarlierPhase': 'turun fase hanya ke fase sebelumnya',
  'validation.progress.beforeStart': 'tanggal tidak boleh sebelum {date}',
  'validation.progress.beforeLastChange': 'tanggal tidak boleh sebelum perubahan fase terakhir ({date})',
  'validation.progress.roleHeld': 'peran ini sedang dipegang oleh orang yang sama; akhiri dulu peran sebelumnya',
  'validation.progress.endBeforeStart': 'tanggal berakhir tidak boleh sebelum tanggal mulai ({date})',
  'validation.progress.unknownPoint': 'titik asesmen ulang tidak dikenal; yang berlaku: {points} persen',
} as const satisfies Record<string, string>;

export const progressMessagesEn: Record<keyof typeof progressMessages, string> = {
  'error.progress.enrolmentNotActive': 'This enrolment is not active; phases and roles are recorded only while the programme runs.',
  'error.progress.noPhases': 'This programme has no phases.',
  'error.progress.enrolmentNotStarted': 'Re-assessment is only for an enrolment that has started and was not stopped.',
  'error.progress.pointDone': 'The re-assessment at this point is already signed. Corrections are made by addendum.',
  'error.progress.roleEnded': 'This role has already ended.',
  'error.progress.taskClosed': 'This task is already closed.',
  'validation.progress.unknownPhase': 'the programme has no such phase',
  'validation.progress.notNextPhase': 'a promotion goes to the next phase only ({phase})',
  'validation.progress.lastPhase': 'already in the last phase',
  'validation.progress.firstPhase': 'already in the first phase',
  'validation.progress.notEarlierPhase': 'moving back goes to an earlier phase only',
  'validation.progress.beforeStart': 'the date cannot be before {date}',
  'validation.progress.beforeLastChange': 'the date cannot be before the last phase change ({date})',
  'validation.progress.roleHeld': 'the same person already holds this role; end it first',
  'validation.progress.endBeforeStart': 'the end date cannot be before the start date ({date})',
  'validation.progress.unknownPoint': 'unknown re-assessment point; the points in force: {points} percent',
};

export const progressLabels = {
  direction: 'Arah perubahan',
  toPhase: 'Fase tujuan',
  changedOn: 'Tanggal perubahan',
  point: 'Titik asesmen ulang',
} as const satisfies Record<string, string>;

export const progressLabelsEn: Record<keyof typeof progressLabels, string> = {
  direction: 'Direction',
  toPhase: 'Phase to move to',
  changedOn: 'Date of the change',
  point: 'Re-assessment point',
};
