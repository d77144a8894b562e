// Server messages and field labels of Therapeutic Community phases, peer roles, re-assessment and care tasks. Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const progressMessages = {
} as const satisfies Record<string, string>;

export const progressMessagesEn: Record<keyof typeof progressMessages, string> = {
};

export const progressLabels = {
} as const satisfies Record<string, string>;

export const progressLabelsEn: Record<keyof typeof progressLabels, string> = {
};
