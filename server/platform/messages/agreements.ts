// Server messages and field labels of partnership agreements (MoU/PKS). Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const agreementsMessages = {
  'error.agreement.documentTooLarge': 'Berkas terlalu besar: ukuran maksimal dokumen perjanjian {mb} MB. Pindai ulang dengan resolusi lebih rendah atau simpan sebagai PDF terkompresi.',
  'validation.agreement.validFromBeforeSigning': 'tanggal mulai berlaku tidak boleh sebelum tanggal penandatanganan',
  'validation.agreement.validUntilBeforeFrom': 'tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku',
  'validation.agreement.duplicateScope': 'ruang lingkup yang sama tercantum lebih dari sekali',
  'validation.agreement.duplicateParty': 'pihak yang sama tercantum lebih dari sekali',
  'validation.agreement.unknownParty': 'organisasi tidak dikenal ({id})',
  'validation.agreement.unitRequired': 'sertakan minimal satu Rutan, Lapas atau LPKA sebagai pihak',
  'validation.agreement.partnerRequired': 'sertakan minimal satu organisasi mitra sebagai pihak',
  'validation.agreement.ownUnitRequired': 'unit Anda sendiri harus menjadi salah satu pihak',
  'validation.agreement.regionUnitRequired': 'minimal satu Rutan, Lapas atau LPKA di wilayah Anda harus menjadi pihak',
  'validation.agreement.terminated': 'perjanjian ini telah diakhiri pada {date} dan tidak dapat diubah lagi',
  'validation.agreement.alreadyTerminated': 'perjanjian ini sudah diakhiri pada {date}',
  'validation.agreement.terminatedBeforeFrom': 'tanggal pengakhiran tidak boleh sebelum perjanjian mulai berlaku ({date})',
  'validation.agreement.terminatedInFuture': 'tanggal pengakhiran tidak boleh setelah hari ini; pengakhiran berlaku seketika',
  'validation.agreement.terminatedAfterEnd': 'perjanjian sudah berakhir pada {date}; tidak perlu diakhiri',
  'validation.agreement.documentType': 'hanya berkas PDF, JPEG atau PNG yang dapat dilampirkan',
  'validation.agreement.documentEmpty': 'berkas kosong',
  'validation.agreement.documentContent': 'isi berkas tidak sesuai dengan jenisnya (bukan PDF, JPEG atau PNG yang sah)',
} as const satisfies Record<string, string>;

export const agreementsMessagesEn: Record<keyof typeof agreementsMessages, string> = {
  'error.agreement.documentTooLarge': 'The file is too large: an agreement document may be at most {mb} MB. Scan it again at a lower resolution or save it as a compressed PDF.',
  'validation.agreement.validFromBeforeSigning': 'the agreement cannot take effect before it is signed',
  'validation.agreement.validUntilBeforeFrom': 'the last day of validity cannot be before the first',
  'validation.agreement.duplicateScope': 'the same scope is listed more than once',
  'validation.agreement.duplicateParty': 'the same party is listed more than once',
  'validation.agreement.unknownParty': 'unknown organisation ({id})',
  'validation.agreement.unitRequired': 'include at least one Rutan, Lapas or LPKA as a party',
  'validation.agreement.partnerRequired': 'include at least one partner organisation as a party',
  'validation.agreement.ownUnitRequired': 'your own unit must be one of the parties',
  'validation.agreement.regionUnitRequired': 'at least one Rutan, Lapas or LPKA of your region must be a party',
  'validation.agreement.terminated': 'this agreement was terminated on {date} and can no longer be changed',
  'validation.agreement.alreadyTerminated': 'this agreement was already terminated on {date}',
  'validation.agreement.terminatedBeforeFrom': 'the termination date cannot be before the agreement took effect ({date})',
  'validation.agreement.terminatedInFuture': 'the termination date cannot be after today; termination takes effect at once',
  'validation.agreement.terminatedAfterEnd': 'the agreement already ended on {date}; there is nothing to terminate',
  'validation.agreement.documentType': 'only PDF, JPEG or PNG files can be attached',
  'validation.agreement.documentEmpty': 'the file is empty',
  'validation.agreement.documentContent': 'the content does not match its type (not a valid PDF, JPEG or PNG)',
};

export const agreementsLabels = {
  signedOn: 'Tanggal penandatanganan',
  validFrom: 'Berlaku mulai',
  validUntil: 'Berlaku sampai',
  scopes: 'Ruang lingkup',
  partyIds: 'Para pihak',
  terminatedOn: 'Tanggal pengakhiran',
  file: 'Berkas',
  filename: 'Nama berkas',
  agreementExpiryAlertDays: 'Peringatan akhir perjanjian (hari)',
} as const satisfies Record<string, string>;

export const agreementsLabelsEn: Record<keyof typeof agreementsLabels, string> = {
  signedOn: 'Date signed',
  validFrom: 'Valid from',
  validUntil: 'Valid until',
  scopes: 'Scope',
  partyIds: 'Parties',
  terminatedOn: 'Termination date',
  file: 'File',
  filename: 'File name',
  agreementExpiryAlertDays: 'Agreement end alert (days)',
};
