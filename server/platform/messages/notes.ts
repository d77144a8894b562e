// Server messages and field labels of counselling notes, incidents and methadone (PTRM). Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const notesMessages = {
} as const satisfies Record<string, string>;

export const notesMessagesEn: Record<keyof typeof notesMessages, string> = {
};

export const notesLabels = {
} as const satisfies Record<string, string>;

export const notesLabelsEn: Record<keyof typeof notesLabels, string> = {
};
