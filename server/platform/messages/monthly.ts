// Server messages of the monthly report (docs/reports.md). Keys follow the main catalogue's scheme;
// every key needs both languages or this file does not compile.

export const monthlyMessages = {
  // The contract's own rule for the month's format (shared/contracts/reports.ts monthlyReportQuery).
  'validation.month': 'bulan ditulis TTTT-BB, misalnya 2026-11',
  'validation.monthly.future': 'bulan ini belum dimulai, jadi belum ada yang dapat dilaporkan',
  'validation.monthly.scopeRequired': 'pilih unit atau Kanwil yang dilaporkan',
} as const satisfies Record<string, string>;

export const monthlyMessagesEn: Record<keyof typeof monthlyMessages, string> = {
  'validation.month': 'write the month as YYYY-MM, for example 2026-11',
  'validation.monthly.future': 'this month has not begun, so there is nothing to report yet',
  'validation.monthly.scopeRequired': 'choose the unit or the Kanwil to report on',
};

// The report's fields are labelled by other parts of the catalogue (`month` by the aftercare part).
export const monthlyLabels = {} as const satisfies Record<string, string>;
export const monthlyLabelsEn: Record<keyof typeof monthlyLabels, string> = {};
