import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { download } from '../app/api.ts';

interface DownloadButtonProps extends Omit<ButtonProps, 'loading'> {
  children: ReactNode;
  /** The API path of the file. */
  path: string;
  /** The file's name when the answer does not give one. */
  fileName: string;
  'aria-label'?: string;
  className?: string;
}

/**
 * Downloads a file from the API (a certificate, a letter). When the file cannot be had (session
 * ended, not found, server error) the user is told why, instead of saving the error as the file.
 */
export function DownloadButton({ children, path, fileName, ...buttonProps }: DownloadButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(path, fileName);
    } catch (err) {
      notifications.show({
        color: 'red',
        title: t('errors.title'),
        message: err instanceof Error && err.message ? err.message : t('errors.unknown'),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button {...buttonProps} loading={busy} onClick={() => void run()}>
      {children}
    </Button>
  );
}
