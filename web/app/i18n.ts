import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/contracts/common.ts';
import { id } from './locales/id.ts';
import { en } from './locales/en.ts';

const STORAGE_KEY = 'pulih.language';

function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'id';
  } catch {
    return 'id';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

function applyToDocument(lng: string): void {
  document.documentElement.lang = isLanguage(lng) ? lng : 'id';
}
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'id';
}

/** Switches the interface language on this device (the account's stored choice is saved by the caller). */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

/** Translates a key that is only known at run time (e.g. a message key from a shared schema); null when there is none. */
export function translateKey(key: string, options?: Record<string, unknown>): string | null {
  if (!i18n.exists(key)) return null;
  const t = i18n.t as unknown as (k: string, o?: Record<string, unknown>) => string;
  return t(key, options);
}
