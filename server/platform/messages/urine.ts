// Server messages and field labels of urine tests: selection, chain of custody, results and follow-up. Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const urineMessages = {
  'error.urine.outOfOrder': 'Langkah ini tidak sesuai urutan rantai pengawasan untuk tahap tes saat ini. Muat ulang untuk melihat tahapnya.',
  'error.urine.retestNotAllowed': 'Tes ulang konfirmasi hanya untuk hasil positif atau tidak valid.',
  'error.urine.retestExists': 'Tes ulang untuk hasil ini sudah direncanakan atau sudah ada hasilnya.',
  'validation.urine.periodOrder': 'tanggal akhir tidak boleh sebelum tanggal awal',
  'validation.urine.noCandidates': 'tidak ada peserta aktif di program ini pada tanggal tersebut',
  'validation.urine.programmeNotInUnit': 'program bukan milik unit ini',
  'validation.urine.enrolmentNotOfPerson': 'bukan keikutsertaan program warga binaan ini',
  'validation.urine.observerNotStaff': 'pengamat harus petugas yang bekerja di unit ini',
  'validation.urine.inFuture': 'waktu tidak boleh setelah saat ini',
  'validation.urine.beforeCollection': 'waktu tidak boleh sebelum sampel diambil',
  'validation.urine.beforeSending': 'waktu tidak boleh sebelum sampel dikirim',
} as const satisfies Record<string, string>;

export const urineMessagesEn: Record<keyof typeof urineMessages, string> = {
  'error.urine.outOfOrder': 'This step is out of order in the chain of custody for the test as it stands. Reload to see its stage.',
  'error.urine.retestNotAllowed': 'A confirmatory retest is only for a positive or invalid result.',
  'error.urine.retestExists': 'A retest of this result is already planned or has a result.',
  'validation.urine.periodOrder': 'the end date cannot be before the start date',
  'validation.urine.noCandidates': 'no active participants in these programmes on that date',
  'validation.urine.programmeNotInUnit': 'the programme is not one of this unit',
  'validation.urine.enrolmentNotOfPerson': 'not an enrolment of this person',
  'validation.urine.observerNotStaff': 'the observer must be a staff member who works in this unit',
  'validation.urine.inFuture': 'the time cannot be later than now',
  'validation.urine.beforeCollection': 'the time cannot be before the sample was collected',
  'validation.urine.beforeSending': 'the time cannot be before the sample was sent',
};

export const urineLabels = {
  count: 'Jumlah orang',
  seed: 'Benih acak',
  observedBy: 'Pengamat',
  collectedAt: 'Waktu pengambilan',
  sealNumber: 'Nomor segel',
  sentTo: 'Dikirim ke',
  sentAt: 'Waktu pengiriman',
  receivedBy: 'Diterima oleh',
  receivedAt: 'Waktu penerimaan',
  results: 'Hasil per zat',
  plannedOn: 'Tanggal rencana',
  from: 'Dari tanggal',
  to: 'Sampai tanggal',
} as const satisfies Record<string, string>;

export const urineLabelsEn: Record<keyof typeof urineLabels, string> = {
  count: 'Number of people',
  seed: 'Random seed',
  observedBy: 'Observer',
  collectedAt: 'Collection time',
  sealNumber: 'Seal number',
  sentTo: 'Sent to',
  sentAt: 'Time sent',
  receivedBy: 'Received by',
  receivedAt: 'Time received',
  results: 'Results per substance',
  plannedOn: 'Planned date',
  from: 'From',
  to: 'To',
};
