import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_KINDS, type ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import { DEFAULT_PROGRAMMES } from '../../../shared/domain/programmes.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { addDefaultProgrammes, fetchProgrammes, programmeKeys } from './api.ts';
import { ProgrammeCard } from './ProgrammeCard.tsx';
import { ProgrammeFormModal } from './ProgrammeFormModal.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; programme: ProgrammeRecord };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Programmes in the order of the pathway (education first, post-rehabilitation late), then by name. */
function compareProgrammes(a: ProgrammeRecord, b: ProgrammeRecord): number {
  return PROGRAMME_KINDS.indexOf(a.kind) - PROGRAMME_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'id');
}

/** The programme catalogue of one unit: what it offers, for how long, for how many, with which sessions. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canManage = can('programme.manage');
  const queryClient = useQueryClient();
  const { facility, several: severalFacilities, choose } = useChosenFacility('programme.read');
  const facilityId = facility?.id ?? '';

  const catalogue = useQuery({
    queryKey: programmeKeys.catalogue(facilityId),
    queryFn: ({ signal }) => fetchProgrammes(facilityId, signal),
    enabled: facility !== null,
  });
  const items = [...(catalogue.data ?? [])].sort(compareProgrammes);
  const missingDefaults = DEFAULT_PROGRAMMES.filter((d) => !items.some((p) => sameName(p.name, d.name)));

  const editing = useDialog<Editing>();
  const [highlightId, setHighlightId] = useState<string | null>(null);

  const defaults = useMutation({
    mutationFn: () => addDefaultProgrammes(facilityId),
    onSuccess: (next) => {
      const added = next.length - (catalogue.data?.length ?? 0);
      queryClient.setQueryData(programmeKeys.catalogue(facilityId), next);
      notifications.show({
        color: 'teal',
        message: added > 0 ? t('programmes.defaultsAdded', { count: added }) : t('programmes.defaultsNoneAdded'),
      });
    },
  });

  const onSaved = (saved: ProgrammeRecord) => {
    setHighlightId(saved.id);
    void queryClient.invalidateQueries({ queryKey: programmeKeys.catalogue(saved.facilityId) });
  };

  if (!facility) {
    return (
      <>
        <PageTitle title={t('programmes.title')} />
        <EmptyState title={t('programmes.noFacilityTitle')} description={t('programmes.noFacilityHelp')} />
      </>
    );
  }

  const addButton = canManage ? (
    <Button onClick={(e) => editing.open({ mode: 'create' }, e.currentTarget)}>{t('programmes.add')}</Button>
  ) : null;
  const defaultsButton = (label: string, variant: 'filled' | 'default') => (
    <ConfirmButton
      variant={variant}
      danger={false}
      loading={defaults.isPending}
      title={t('programmes.defaultsTitle')}
      confirmLabel={t('programmes.defaultsYes')}
      message={t('programmes.defaultsConfirm', {
        count: missingDefaults.length,
        unit: facility.name,
        list: missingDefaults.map((d) => d.name).join('; '),
      })}
      onConfirm={() => defaults.mutateAsync()}
    >
      {label}
    </ConfirmButton>
  );

  let body: ReactNode = null;
  if (catalogue.isPending) {
    body = <Loading />;
  } else if (catalogue.data && items.length === 0) {
    body = (
      <EmptyState
        title={t('programmes.emptyTitle', { unit: facility.name })}
        description={canManage ? t('programmes.emptyHelpManage') : t('programmes.emptyHelpRead')}
        action={
          canManage ? (
            <Group gap="sm" justify="center" className="no-print">
              {defaultsButton(t('programmes.addDefaults'), 'filled')}
              <Button variant="default" onClick={(e) => editing.open({ mode: 'create' }, e.currentTarget)}>
                {t('programmes.addOwn')}
              </Button>
            </Group>
          ) : undefined
        }
      />
    );
  } else if (catalogue.data) {
    const active = items.filter((p) => p.active).length;
    body = (
      <>
        <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
          {t('programmes.summary', { count: items.length, active })}
        </Text>
        <Stack gap="md" aria-busy={catalogue.isFetching}>
          {items.map((p) => (
            <ProgrammeCard
              key={p.id}
              programme={p}
              highlighted={p.id === highlightId}
              onEdit={canManage ? (programme, from) => editing.open({ mode: 'edit', programme }, from) : undefined}
            />
          ))}
        </Stack>
      </>
    );
  }

  return (
    <>
      <PageTitle
        title={t('programmes.title')}
        subtitle={severalFacilities ? t('programmes.subtitle') : `${facility.name} · ${t('programmes.subtitle')}`}
        actions={
          <>
            {items.length > 0 ? (
              <Button variant="default" onClick={() => window.print()}>
                {t('common.print')}
              </Button>
            ) : null}
            {canManage && items.length > 0 && missingDefaults.length > 0 ? defaultsButton(t('programmes.addMissingDefaults', { count: missingDefaults.length }), 'default') : null}
            {items.length > 0 ? addButton : null}
          </>
        }
      />
      <Text className="print-only" size="sm" mb="sm">
        {t('programmes.printHeading', { unit: facility.name, date: formatDateTime(new Date().toISOString()) })}
      </Text>
      {severalFacilities ? (
        <Paper withBorder p="sm" mb="md" className="no-print">
          <FacilitySelect
            permission="programme.read"
            label={t('programmes.unit')}
            description={t('programmes.unitHelp')}
            value={facility.id}
            onChoose={(id) => {
              choose(id);
              setHighlightId(null);
            }}
            maw={420}
          />
        </Paper>
      ) : null}
      <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      <ErrorAlert error={defaults.error} />
      {body}
      {editing.subject ? (
        <ProgrammeFormModal
          key={editing.subject.mode === 'edit' ? editing.subject.programme.id : 'new'}
          facility={facility}
          programme={editing.subject.mode === 'edit' ? editing.subject.programme : null}
          onClose={editing.close}
          onSaved={onSaved}
        />
      ) : null}
    </>
  );
}
