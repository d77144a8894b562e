import type { FormEvent, ReactNode } from 'react';
import { Button, Group, Modal, Stack, type MantineColor, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from './FormErrorAlert.tsx';

/**
 * A form in a dialog that is mounted for one opening (with useDialog, which gives focus back to the
 * button that opened it): a named close button, the failed save's message unless the server named the
 * fields at fault, the fields, and Cancel beside the button that saves. Enter in a field submits; put
 * `data-autofocus` on the first field so typing can start at once.
 */
export function FormDialog({ title, onClose, onSubmit, pending, error, submitLabel, submitColor, size, children }: {
  title: string;
  onClose: () => void;
  /** The form was submitted (the browser's own submission is prevented). */
  onSubmit: () => void;
  /** A save is under way: the buttons wait. */
  pending: boolean;
  /** The failed save, if any. */
  error: unknown;
  /** The saving button's text; "Simpan" unless told. */
  submitLabel?: string;
  submitColor?: MantineColor;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormErrorAlert error={error} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={pending}>{t('common.cancel')}</Button>
            <Button type="submit" color={submitColor} loading={pending}>{submitLabel ?? t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
