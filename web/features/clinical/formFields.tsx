import { createContext, useContext, useState, type ReactNode } from 'react';
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PATIENT_RATING_LABELS } from '../../../shared/instruments/index.ts';
import { formatNumber } from '../../app/format.ts';
import { useLabel } from './labels.ts';

export type Path = readonly string[];

/** A copy of `obj` with `value` at `path`; untouched branches keep their identity (memoised sections skip them). */
export function setIn(obj: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const base = obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>) : {};
  return { ...base, [head]: setIn(base[head], rest, value) };
}

interface FormContextValue {
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  /** Rupiah per US dollar of this assessment (fixed when it was started). */
  rate: number;
  /** A field whose text cannot be saved (e.g. "45" days) reports itself, so the page can say so. */
  markInvalid: (key: string, invalid: boolean) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('form field outside FormContext');
  return ctx;
}

export const fieldId = (path: Path) => `f-${path.join('-')}`;

interface BaseProps {
  path: Path;
  label: ReactNode;
  /** For inputs in a table, where the visible label is the row and column header. */
  ariaLabel?: string;
  description?: ReactNode;
}

export function TextField({ path, label, ariaLabel, description, value, max = 200, multiline = false }: BaseProps & {
  value: string | null | undefined; max?: number; multiline?: boolean;
}) {
  const { set, readOnly } = useFormContext();
  const common = {
    id: fieldId(path),
    label,
    'aria-label': ariaLabel,
    description,
    value: value ?? '',
    maxLength: max,
    readOnly,
    onChange: (e: { currentTarget: { value: string } }) => set(path, e.currentTarget.value === '' ? null : e.currentTarget.value),
  };
  return multiline ? <Textarea {...common} autosize minRows={2} maxRows={8} /> : <TextInput {...common} autoComplete="off" />;
}

export function DateField({ path, label, value }: BaseProps & { value: string | null | undefined }) {
  const { set, readOnly } = useFormContext();
  return (
    <TextInput
      id={fieldId(path)}
      type="date"
      label={label}
      value={value ?? ''}
      readOnly={readOnly}
      onChange={(e) => set(path, e.currentTarget.value === '' ? null : e.currentTarget.value)}
    />
  );
}

type NumberKind = 'int' | 'decimal' | 'rupiah';

function parseNumber(text: string, kind: NumberKind): number | null | typeof Number.NaN {
  let s = text.trim();
  if (s === '') return null;
  if (kind === 'rupiah') {
    s = s.replace(/^rp\.?\s*/i, '').replace(/[.,\s]/g, '');
    return /^\d+$/.test(s) ? Number(s) : Number.NaN;
  }
  if (kind === 'decimal') {
    s = s.replace(',', '.');
    return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
  }
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

function displayNumber(value: number | null | undefined, kind: NumberKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'rupiah') return formatNumber(value);
  return String(value);
}

/**
 * A number typed as text: only a valid number in range reaches the draft (and the server); until
 * then the field says what is expected and the draft keeps the last valid value.
 */
export function NumberField({ path, label, ariaLabel, description, value, min = 0, max, kind = 'int', unit, w }: BaseProps & {
  value: number | null | undefined; min?: number; max?: number; kind?: NumberKind; unit?: string; w?: number | string;
}) {
  const { t } = useTranslation();
  const { set, readOnly, markInvalid } = useFormContext();
  const [text, setText] = useState(() => displayNumber(value, kind));
  const [error, setError] = useState<string | null>(null);
  const key = path.join('.');

  const change = (next: string) => {
    setText(next);
    const n = parseNumber(next, kind);
    const ok = n === null || (!Number.isNaN(n) && n >= min && (max === undefined || n <= max));
    if (ok) {
      setError(null);
      markInvalid(key, false);
      set(path, n);
      return;
    }
    markInvalid(key, true);
    if (kind === 'rupiah') setError(t('clinical.form.rupiahInvalid'));
    else if (max === undefined) setError(t('clinical.form.numberMin', { min }));
    else setError(kind === 'int' ? t('clinical.form.wholeRange', { min, max }) : t('clinical.form.numberRange', { min, max }));
  };

  return (
    <TextInput
      id={fieldId(path)}
      label={label}
      aria-label={ariaLabel}
      description={description}
      value={text}
      inputMode={kind === 'decimal' ? 'decimal' : 'numeric'}
      autoComplete="off"
      readOnly={readOnly}
      onChange={(e) => change(e.currentTarget.value)}
      error={error}
      leftSection={kind === 'rupiah' ? <span aria-hidden="true">Rp</span> : undefined}
      rightSection={unit ? <span aria-hidden="true" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{unit}</span> : undefined}
      rightSectionWidth={unit ? Math.max(36, unit.length * 8 + 12) : undefined}
      w={w}
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A choice with an empty first option: an unanswered item stays missing, never a silent zero. */
export function SelectField({ path, label, ariaLabel, description, value, options, toValue }: BaseProps & {
  value: string | number | null | undefined; options: Option[]; toValue?: (raw: string) => unknown;
}) {
  const { t } = useTranslation();
  const { set, readOnly } = useFormContext();
  return (
    <NativeSelect
      id={fieldId(path)}
      label={label}
      aria-label={ariaLabel}
      description={description}
      value={value === null || value === undefined ? '' : String(value)}
      disabled={readOnly}
      onChange={(e) => {
        const raw = e.currentTarget.value;
        set(path, raw === '' ? null : toValue ? toValue(raw) : raw);
      }}
      data={[{ value: '', label: t('clinical.form.notFilled') }, ...options]}
    />
  );
}

export function YesNoField(props: BaseProps & { value: boolean | null | undefined }) {
  const { t } = useTranslation();
  return (
    <SelectField
      {...props}
      value={props.value === true ? 'yes' : props.value === false ? 'no' : null}
      options={[{ value: 'yes', label: t('clinical.form.yes') }, { value: 'no', label: t('clinical.form.no') }]}
      toValue={(raw) => raw === 'yes'}
    />
  );
}

/** The patient's rating 0–4 (not at all … extremely). */
export function RatingField(props: BaseProps & { value: number | null | undefined }) {
  const label = useLabel();
  return (
    <SelectField
      {...props}
      options={PATIENT_RATING_LABELS.map((l, i) => ({ value: String(i), label: `${i} — ${label(l)}` }))}
      toValue={Number}
    />
  );
}
