// Server messages of the FHIR export and of consent to share health data with SATUSEHAT. Keys follow
// the main catalogue's scheme ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const fhirMessages = {
  'error.fhir.noConsent': 'Tidak ada persetujuan berbagi data kesehatan dengan SATUSEHAT yang berlaku untuk warga binaan ini; datanya tidak diekspor.',
  'error.fhir.consentInForce': 'Persetujuan berbagi data kesehatan dengan SATUSEHAT sudah tercatat dan masih berlaku.',
  'error.fhir.consentRevoked': 'Persetujuan ini sudah dicabut.',
  'validation.fhir.periodOrder': 'tanggal akhir tidak boleh sebelum tanggal awal',
  'validation.fhir.periodTooLong': 'satu ekspor mencakup paling lama 366 hari',
} as const satisfies Record<string, string>;

export const fhirMessagesEn: Record<keyof typeof fhirMessages, string> = {
  'error.fhir.noConsent': 'This person has no consent in force to share health data with SATUSEHAT; their data is not exported.',
  'error.fhir.consentInForce': 'A consent to share health data with SATUSEHAT is already recorded and in force.',
  'error.fhir.consentRevoked': 'This consent has already been revoked.',
  'validation.fhir.periodOrder': 'the end date cannot be before the start date',
  'validation.fhir.periodTooLong': 'one export covers at most 366 days',
};
