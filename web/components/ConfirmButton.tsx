import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  children: ReactNode;
  /** The question in the dialog; say what will happen, to whom. */
  message: ReactNode;
  title?: string;
  confirmLabel?: string;
  onConfirm: () => unknown;
  danger?: boolean;
  /** The button's name when its text alone does not say what it acts on; it should start with that text. */
  'aria-label'?: string;
}

/** A button that asks before doing something that cannot easily be undone. */
export function ConfirmButton({ children, message, title, confirmLabel, onConfirm, danger = true, ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } catch {
      // the caller shows the error on the page, which the dialog would hide
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title ?? t('confirm.title')} centered>
        <Text mb="lg">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={() => void confirm()} loading={busy} data-autofocus>
            {confirmLabel ?? t('confirm.yes')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
