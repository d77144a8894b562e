import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Anchor, Alert } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../shared/domain/permissions.ts';
import { Loading } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useAuth } from './auth.tsx';

/** Screens behind the login; remembers where the user was going. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from: next }} />;
  }
  return children ?? <Outlet />;
}

/**
 * A screen only some roles may use; the navigation hides it from the others, this covers typed-in
 * addresses. With several permissions, any one of them opens the screen (it shows each part by its own).
 */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  if (([] as Permission[]).concat(permission).some((p) => can(p))) return children;
  return (
    <>
      <PageTitle title={t('forbidden.title')} />
      <Alert color="yellow" role="alert">
        {t('forbidden.body')}{' '}
        <Anchor component={Link} to="/">
          {t('notFound.home')}
        </Anchor>
      </Alert>
    </>
  );
}
