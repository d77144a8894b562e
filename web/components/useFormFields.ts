import { useState } from 'react';
import { ApiError } from '../app/api.ts';
import type { FieldErrors } from '../app/validation.ts';

/** The fields of V that hold text as typed (inputs, native selects). */
type TextField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * A form's values as typed and its messages by field. Changing a field clears its message; `show`
 * puts up new messages (from checking the input, or from the server) and moves focus to the first
 * field on screen, in the form's order, that has one. Each input's id is `${idPrefix}-${field}`.
 */
export function useFormFields<V extends object>(initial: V | (() => V), idPrefix: string, order: readonly (keyof V & string)[]) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = <K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  };

  const show = (found: FieldErrors) => {
    setErrors(found);
    const first = order.filter((k) => found[k]).map((k) => document.getElementById(`${idPrefix}-${k}`)).find((el) => el !== null);
    first?.focus();
  };

  /** After a failed save: the server's messages by field when it named fields (else FormErrorAlert says what failed). */
  const showFailure = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) show(error.fieldErrors());
  };

  /** What ties a text input or a native select to a field: its id, value, change and message. */
  const bind = <K extends TextField<V>>(key: K) => ({
    id: `${idPrefix}-${key}`,
    value: values[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as V[K]),
    error: errors[key],
  });

  return { values, set, setValues, errors, show, showFailure, bind };
}
