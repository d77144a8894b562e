// Server messages and field labels of urine tests: selection, chain of custody, results and follow-up. Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const urineMessages = {
} as const satisfies Record<string, string>;

export const urineMessagesEn: Record<keyof typeof urineMessages, string> = {
};

export const urineLabels = {
} as const satisfies Record<string, string>;

export const urineLabelsEn: Record<keyof typeof urineLabels, string> = {
};
