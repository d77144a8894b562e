/** Bahasa Indonesia for the person's timeline. */
export const recordId = {
};
