import type { Translation } from '../id.ts';

export const conferencesEn: Translation['care']['conferences'] = {
};
