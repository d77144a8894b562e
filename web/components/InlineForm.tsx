import type { FormEvent, ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';
import { FormErrorAlert } from './FormErrorAlert.tsx';

/**
 * A small form set into a page below what it adds to (a new plan under the plans): a titled box
 * that names the form for a screen reader, the failed save's message unless the server named the
 * fields at fault, then the fields. Enter in a field submits; it is left out of a printout.
 */
export function InlineForm({ id, title, error, onSubmit, children }: {
  /** The form's id; its title's id is `${id}-title`. */
  id: string;
  title: string;
  /** The failed save, if any. */
  error: unknown;
  /** The form was submitted (the browser's own submission is prevented). */
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Paper withBorder p="sm" mt="md" component="form" id={id} onSubmit={submit} noValidate className="no-print" aria-labelledby={`${id}-title`}>
      <Title order={3} size="h6" mb="xs" id={`${id}-title`}>{title}</Title>
      <FormErrorAlert error={error} />
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}
