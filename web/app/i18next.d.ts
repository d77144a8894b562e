import 'i18next';
import type { id } from './locales/id.ts';

// Translation keys are checked at compile time against the Indonesian dictionary (the default language).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
    returnNull: false;
  }
}
