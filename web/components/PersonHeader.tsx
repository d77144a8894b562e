import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { EmptyState } from './EmptyState.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageTitle } from './PageTitle.tsx';

/** What a page about one person shows of them at the top. */
export interface PersonNames {
  fullName: string;
  sdpNumber: string;
  facilityName: string;
}

/**
 * The top of a page about one person: the way back, the page's h1 (the person's name unless the page
 * says otherwise), their registration number and unit, and the page's actions.
 */
export function PersonHeader({ person, title, back, actions }: {
  person: PersonNames;
  title?: string;
  back: { to: string; label: string };
  actions?: ReactNode;
}) {
  return (
    <>
      <Anchor component={Link} to={back.to} size="sm" className="no-print">
        ← {back.label}
      </Anchor>
      <PageTitle title={title ?? person.fullName} subtitle={`${person.sdpNumber} · ${person.facilityName}`} actions={actions} />
    </>
  );
}

/**
 * In place of a page about one person whose record did not load: "not found" when the person is not
 * there or outside the user's units (the API answers both with 404), else the error with a retry.
 */
export function PersonLoadError({ error, title, onRetry }: { error: unknown; title: string; onRetry: () => void }) {
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
