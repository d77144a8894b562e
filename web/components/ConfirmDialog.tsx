import type { ReactNode } from 'react';
import { Box, Button, Group, Modal, Text, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The question before something that cannot easily be undone, for a caller that decides when to
 * ask (e.g. a form, once its input is checked). The confirming button has the focus; while `busy`
 * the way back is closed. Cancelling or closing calls `onCancel`.
 */
export function ConfirmDialog({ opened, title, message, confirmLabel, cancelLabel, color, busy = false, size, onConfirm, onCancel }: {
  opened: boolean;
  title?: string;
  /** Say what will happen, to whom; text is set as a paragraph, anything else as given. */
  message: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** The confirming button's colour, e.g. red for a removal. */
  color?: string;
  busy?: boolean;
  size?: ModalProps['size'];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title ?? t('confirm.title')} size={size} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Box mb="lg">{typeof message === 'string' ? <Text>{message}</Text> : message}</Box>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        <Button color={color} onClick={onConfirm} loading={busy} data-autofocus>
          {confirmLabel ?? t('confirm.yes')}
        </Button>
      </Group>
    </Modal>
  );
}
