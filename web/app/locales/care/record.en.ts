import type { Translation } from '../id.ts';

export const recordEn: Translation['care']['record'] = {
};
