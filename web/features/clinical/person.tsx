import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { clinicalKeys, fetchPerson } from './api.ts';

export function usePerson(id: string) {
  return useQuery({ queryKey: clinicalKeys.person(id), queryFn: ({ signal }) => fetchPerson(id, signal), enabled: !!id });
}

/** The page for a person who is not there (or outside the user's units), or whose record failed to load. */
export function PersonLoadError({ error, title, onRetry }: { error: unknown; title: string; onRetry: () => void }): ReactNode {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <PageTitle title={t('wbp.notFoundTitle')} />
        <EmptyState
          title={t('wbp.notFoundTitle')}
          description={t('wbp.notFoundBody')}
          action={<Anchor component={Link} to="/wbp">{t('wbp.backToList')}</Anchor>}
        />
      </>
    );
  }
  return (
    <>
      <PageTitle title={title} />
      <ErrorAlert error={error} onRetry={onRetry} />
    </>
  );
}
