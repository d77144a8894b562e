// Server messages of the research and SIRENA exports (docs/exports.md). Keys follow the main catalogue's
// scheme; every key needs both languages or this file does not compile.

export const exportsMessages = {
  'validation.export.periodReversed': 'akhir periode tidak boleh sebelum awalnya',
} as const satisfies Record<string, string>;

export const exportsMessagesEn: Record<keyof typeof exportsMessages, string> = {
  'validation.export.periodReversed': 'the end of the period cannot be before its start',
};

// The fields of the exports (from, to, facilityId) are labelled by other parts of the catalogue.
export const exportsLabels = {} as const satisfies Record<string, string>;
export const exportsLabelsEn: Record<keyof typeof exportsLabels, string> = {};
