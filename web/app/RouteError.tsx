import { Alert, Button, Container, Text } from '@mantine/core';
import { useRouteError } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** Shown when a screen fails to render or its code cannot be downloaded (e.g. the connection dropped). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  console.error(error);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('errors.pageFailed')} role="alert">
        <Text size="sm" mb="sm">
          {t('errors.pageFailedBody')}
        </Text>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </Alert>
    </Container>
  );
}
