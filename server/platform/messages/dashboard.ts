// Server messages of the dashboards (GET /api/reports/dashboard). Keys follow the main catalogue's
// scheme; every key needs both languages or this file does not compile.

export const dashboardMessages = {
  'validation.dashboard.periodReversed': 'akhir periode tidak boleh sebelum awalnya',
  'validation.dashboard.periodTooLong': 'periode paling panjang {max} hari',
  'validation.dashboard.unitOrRegion': 'pilih satu unit atau satu Kanwil, tidak keduanya',
  'dashboard.nation': 'Nasional',
} as const satisfies Record<string, string>;

export const dashboardMessagesEn: Record<keyof typeof dashboardMessages, string> = {
  'validation.dashboard.periodReversed': 'the end of the period cannot be before its start',
  'validation.dashboard.periodTooLong': 'the period is at most {max} days long',
  'validation.dashboard.unitOrRegion': 'choose one unit or one Kanwil, not both',
  'dashboard.nation': 'National',
};
