import { useState, type ReactNode } from 'react';
import { Button, Text, type ButtonProps } from '@mantine/core';
import { ConfirmDialog } from './ConfirmDialog.tsx';

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
      <ConfirmDialog
        opened={open}
        title={title}
        message={<Text>{message}</Text>}
        confirmLabel={confirmLabel}
        color={danger ? 'red' : undefined}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
