import type { Translation } from '../id.ts';

export const urineEn: Translation['care']['urine'] = {
};
