import type { Translation } from '../id.ts';

export const progressEn: Translation['care']['progress'] = {
};
