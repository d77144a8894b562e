import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError, download } from '../app/api.ts';

interface DownloadButtonProps extends Omit<ButtonProps, 'loading'> {
  children: ReactNode;
  /** The API path of the file. */
  path: string;
  /** The file's name when the answer does not give one. */
  fileName: string;
  'aria-label'?: string;
  className?: string;
  /** Called after a failed download (besides the message shown), e.g. to mark the fields a 400 names or refresh what a 409 contradicts. */
  onFailure?: (error: unknown) => void;
}

/**
 * Downloads a file from the API (a certificate, a letter). When the file cannot be had (session
 * ended, not found, server error) the user is told why, instead of saving the error as the file.
 */
export function DownloadButton({ children, path, fileName, onFailure, ...buttonProps }: DownloadButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(path, fileName);
    } catch (err) {
      // A 400 names the fields at fault (a period, a unit): say which, not only that something was wrong.
      const said = err instanceof Error && err.message ? err.message : t('errors.unknown');
      const fields = err instanceof ApiError ? err.fields.map((f) => f.message) : [];
      notifications.show({
        color: 'red',
        title: t('errors.title'),
        message: fields.length === 0 ? said : <>{said}{fields.map((f) => <div key={f}>{f}</div>)}</>,
      });
      onFailure?.(err);
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
