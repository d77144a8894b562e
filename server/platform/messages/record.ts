// Server messages and field labels of the person's timeline. Keys follow the main catalogue's scheme
// ('error.*', 'validation.*'); every key needs both languages or this file does not compile.

export const recordMessages = {
} as const satisfies Record<string, string>;

export const recordMessagesEn: Record<keyof typeof recordMessages, string> = {
};

export const recordLabels = {
  kinds: 'Jenis catatan',
  page: 'Halaman',
  pageSize: 'Jumlah per halaman',
} as const satisfies Record<string, string>;

export const recordLabelsEn: Record<keyof typeof recordLabels, string> = {
  kinds: 'Kinds of entry',
  page: 'Page',
  pageSize: 'Entries per page',
};
