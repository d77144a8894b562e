/** Bahasa Indonesia for counselling notes, incidents and methadone (PTRM). */
export const notesId = {
};
