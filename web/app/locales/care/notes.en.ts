import type { Translation } from '../id.ts';

export const notesEn: Translation['care']['notes'] = {
};
