import { useTranslation } from 'react-i18next';
import type { RehabClass } from '../../../shared/contracts/clinical.ts';
import type { Label, Risk } from '../../../shared/instruments/index.ts';

/** The instruments carry their own texts in both languages; pick the one of the interface. */
export function useLabel(): (label: Label) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (label) => label[lang];
}

/**
 * Badge colours with readable text: filled dark teal and red carry white text, yellow carries
 * dark text (autoContrast), so the colour is never the only sign — the word is always there.
 */
export const RISK_COLOR: Record<Risk, string> = { low: 'teal.8', moderate: 'yellow.4', high: 'red.8' };
export const CLASS_COLOR: Record<RehabClass, string> = { rendah: 'teal.8', menengah: 'yellow.4', tinggi: 'red.8' };

/** "14.05" / "14:05": the time of day of a save. */
export function formatTime(value: Date | string, language: string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { hour: '2-digit', minute: '2-digit' }).format(d);
}
