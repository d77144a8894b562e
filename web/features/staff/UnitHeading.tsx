import type { ReactNode } from 'react';
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../shared/domain/permissions.ts';
import type { useChosenFacility } from '../../app/facility.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

type Chosen = ReturnType<typeof useChosenFacility>;

/**
 * The heading of a list of the staff area: its title, and the unit it is about (named before the
 * subtitle when the user works in one, a choice of unit when in several).
 */
export function UnitHeading({ title, subtitle, actions, permission, facility, several, choose }: {
  title: string;
  subtitle: string;
  actions?: ReactNode;
  /** What the page does in the unit: only the units where the user may do it are offered. */
  permission: Permission;
  facility: NonNullable<Chosen['facility']>;
  several: boolean;
  choose: Chosen['choose'];
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={title} subtitle={several ? subtitle : `${facility.name} · ${subtitle}`} actions={actions} />
      {several ? (
        <Paper withBorder p="sm" mb="md" className="no-print">
          <FacilitySelect permission={permission} label={t('staff.unit')} value={facility.id} onChoose={choose} maw={360} />
        </Paper>
      ) : null}
    </>
  );
}

/** The page of a user linked to no unit where they may open it. */
export function NoUnit({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={title} />
      <EmptyState title={t('staff.noFacilityTitle')} description={t('staff.noFacilityHelp')} />
    </>
  );
}
