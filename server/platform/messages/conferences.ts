// Server messages and field labels of case conferences, outcomes, certificates and referrals. Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const conferencesMessages = {
} as const satisfies Record<string, string>;

export const conferencesMessagesEn: Record<keyof typeof conferencesMessages, string> = {
};

export const conferencesLabels = {
} as const satisfies Record<string, string>;

export const conferencesLabelsEn: Record<keyof typeof conferencesLabels, string> = {
};
