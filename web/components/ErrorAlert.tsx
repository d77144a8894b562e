import type { ReactNode } from 'react';
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shows what went wrong in words the user can act on; the API's messages arrive already translated. */
export function ErrorAlert({ error, title, onRetry, children }: { error: unknown; title?: string; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error && error.message ? error.message : t('errors.unknown');
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert" mb="md">
      <Text size="sm">{message}</Text>
      {children}
      {onRetry ? (
        <Button variant="light" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
