import { Button, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fetchRoutine, routineKeys } from './api.ts';
import { ExceptionsSection } from './ExceptionsSection.tsx';
import { RoomsSection } from './RoomsSection.tsx';
import { StaffSection } from './StaffSection.tsx';
import { WeekSection } from './WeekSection.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';

/** The unit's routine that programme sessions must not disturb: the week, exceptions, rooms and staff hours. */
export function RoutinePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canManage = can('routine.manage');
  const { facility, several, choose } = useChosenFacility('programme.read');
  const facilityId = facility?.id ?? '';
  const routine = useQuery({
    queryKey: routineKeys.routine(facilityId),
    queryFn: ({ signal }) => fetchRoutine(facilityId, signal),
    enabled: facility !== null,
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('routine.title')} />
        <EmptyState title={t('routine.noFacilityTitle')} description={t('routine.noFacilityHelp')} />
      </>
    );
  }

  return (
    <>
      <PageTitle
        title={t('routine.title')}
        subtitle={several ? t('routine.subtitle') : `${facility.name} · ${t('routine.subtitle')}`}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      <Text className="print-only" size="sm" mb="sm">
        {t('routine.printHeading', { unit: facility.name, date: formatDateTime(new Date().toISOString()) })}
      </Text>
      {several ? (
        <Paper withBorder p="sm" mb="md" className="no-print">
          <FacilitySelect permission="programme.read" label={t('routine.unit')} value={facility.id} onChoose={choose} maw={420} />
        </Paper>
      ) : null}
      <ErrorAlert error={routine.error} onRetry={() => void routine.refetch()} />
      {routine.isPending ? (
        <Loading />
      ) : routine.data ? (
        <>
          {routine.data.blocks.length === 0 ? (
            <EmptyState title={t('routine.blocks.emptyTitle')} description={canManage ? t('routine.blocks.emptyHelpManage') : t('routine.blocks.emptyHelpRead')} />
          ) : null}
          <WeekSection key={`week-${facility.id}`} facilityId={facility.id} blocks={routine.data.blocks} canManage={canManage} />
          <ExceptionsSection key={`exc-${facility.id}`} facilityId={facility.id} exceptions={routine.data.exceptions} canManage={canManage} />
          <RoomsSection key={`rooms-${facility.id}`} facilityId={facility.id} rooms={routine.data.rooms} canManage={canManage} />
        </>
      ) : null}
      <StaffSection key={`staff-${facility.id}`} facilityId={facility.id} canManage={canManage} />
    </>
  );
}
