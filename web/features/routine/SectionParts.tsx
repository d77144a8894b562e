import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Group, Paper, Text, Title, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import type { FieldErrors } from '../../app/validation.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';

/** One part of a routine screen: a heading that names the section, a line of help, then the list and its form. */
export function RoutineSection({ id, title, help, mt = 'xl', children }: { id: string; title: string; help?: string; mt?: 'xl' | 0; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mt={mt} mb="xs">{title}</Title>
      {help ? <Text size="sm" c="dimmed" mb="sm">{help}</Text> : null}
      {children}
    </section>
  );
}

/** What an empty list says in place of the list. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return <Text size="sm" c="dimmed" mb="sm">{children}</Text>;
}

/**
 * A change to what the timetable must respect: on success it is announced and the list showing it is
 * fetched again; a refusal that names fields goes to `onFieldErrors`, so the form keeps what was typed.
 */
export function useRoutineChange<V, R>({ change, done, refresh, onDone, onFieldErrors }: {
  change: (value: V) => Promise<R>;
  done: (result: R, value: V) => string;
  refresh: QueryKey;
  onDone?: (result: R) => void;
  onFieldErrors?: (errors: FieldErrors) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (result, value) => {
      notifications.show({ color: 'teal', message: done(result, value) });
      onDone?.(result);
      void queryClient.invalidateQueries({ queryKey: refresh });
    },
    onError: (err) => {
      if (err instanceof ApiError) onFieldErrors?.(err.fieldErrors());
    },
  });
}

/** "Hapus", asking first; `label` names what goes, for screen readers, and `question` asks about it in full. */
export function RemoveButton({ label, question, onConfirm, ...buttonProps }: Omit<ButtonProps, 'children'> & {
  label: string;
  question: string;
  onConfirm: () => Promise<unknown>;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      size="xs"
      variant="subtle"
      color="red"
      {...buttonProps}
      aria-label={label}
      message={question}
      confirmLabel={t('routine.remove')}
      onConfirm={onConfirm}
    >
      {t('routine.remove')}
    </ConfirmButton>
  );
}

/**
 * The form under a list that adds to it: a titled panel, the failure not tied to a field, the fields, the button.
 * When a field is refused, by the check before sending or by the server, focus goes to the first one.
 */
export function AddFormPanel({ id, title, submitLabel, onSubmit, pending, error, children }: {
  id: string;
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  useEffect(() => {
    if (error) focusFirstProblem();
  }, [error]);
  return (
    <Paper withBorder p="sm" className="no-print">
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
          focusFirstProblem();
        }}
        noValidate
        aria-labelledby={id}
      >
        <Title order={3} size="h5" id={id} mb="xs">{title}</Title>
        <FormErrorAlert error={error} />
        {children}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={pending}>{submitLabel}</Button>
        </Group>
      </form>
    </Paper>
  );
}
