import type { FormEvent } from 'react';
import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { INCIDENT_KINDS, INCIDENT_KINDS_NEEDING_REVIEW, incidentRequest, type IncidentKind } from '../../../shared/contracts/notes.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PagedQueryView } from '../../components/PagedQueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { usePageAddress } from '../../components/useListAddress.ts';
import { fetchIncidents, incidentsKeys, recordIncident, type IncidentBody, type IncidentRecord } from './api.ts';

const PAGE_SIZE = 20;

const KIND_COLOR: Record<IncidentKind, string> = {
  drug_use: 'red.8', drug_possession: 'red.8', violence: 'orange.9', rule_violation: 'yellow.9', other: 'gray.7',
};

/** Incidents in custody on a person's record, latest first, and (with care.write) the form to record one. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { page, setPage } = usePageAddress();
  const incidents = useQuery({
    queryKey: incidentsKeys.page(id, page),
    queryFn: ({ signal }) => fetchIncidents(id, page, PAGE_SIZE, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });

  return (
    <CarePage wbpId={id} tab="incidents">
      {(w) => (
        <Stack gap="md">
          {can('care.write', w.facilityId) ? <IncidentForm person={w} onSaved={() => setPage(1)} /> : null}
          <Section id="incidents-heading" title={t('care.notes.incident.listTitle')}>
            <PagedQueryView query={incidents} empty={<EmptyState title={t('care.notes.incident.empty')} />} onPage={setPage}>
              {(items) => <IncidentTable items={items} />}
            </PagedQueryView>
          </Section>
        </Stack>
      )}
    </CarePage>
  );
}

function IncidentTable({ items }: { items: IncidentRecord[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={760}
      fz="sm"
      aria-labelledby="incidents-heading"
      columns={[
        t('care.notes.incident.occurredOn'), t('care.notes.incident.kind'), t('care.notes.incident.description'),
        t('care.notes.incident.actionTakenColumn'), t('care.notes.incident.reportedBy'), t('care.notes.incident.review'),
      ]}
    >
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>{formatDate(i.occurredOn)}</Table.Th>
            <Table.Td><Badge color={KIND_COLOR[i.kind]} variant="filled" tt="none">{t(`care.notes.incident.kinds.${i.kind}`)}</Badge></Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{i.actionTaken ?? '—'}</Table.Td>
            <Table.Td>{i.reportedBy ?? '—'}</Table.Td>
            <Table.Td>
              {i.reviewTask ? (
                <Stack gap={2}>
                  <Text size="sm">{t('care.notes.incident.reviewDue', { date: formatDate(i.reviewTask.dueOn) })}</Text>
                  <Badge variant="outline" color={i.reviewTask.status === 'open' ? 'orange.9' : 'gray.7'} tt="none">
                    {t(`care.notes.incident.reviewStatus.${i.reviewTask.status}`)}
                  </Badge>
                </Stack>
              ) : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

interface IncidentValues {
  occurredOn: string;
  kind: IncidentKind;
  description: string;
  actionTaken: string;
}

const ORDER = ['occurredOn', 'kind', 'description', 'actionTaken'] as const;
const blank = (): IncidentValues => ({ occurredOn: todayIso(), kind: 'rule_violation', description: '', actionTaken: '' });

function IncidentForm({ person, onSaved }: { person: WbpDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, setValues, show, showFailure, bind } = useFormFields<IncidentValues>(blank, 'incident', ORDER);

  const { mutation, pending, ask, confirm } = useConfirmedSave({
    save: (body: IncidentBody) => recordIncident(person.id, body),
    onSaved: (created) => {
      notifications.show({
        color: 'teal',
        message: created.reviewTask
          ? t('care.notes.incident.savedWithTask', { date: formatDate(created.reviewTask.dueOn) })
          : t('care.notes.incident.saved'),
      });
      setValues(blank());
      show({});
      // A review task may have been opened.
      invalidateCareRecord(queryClient, person.id, 'incidents', 'tasks');
      onSaved();
    },
    onFailed: showFailure,
  });

  const review = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(incidentRequest, { ...values, actionTaken: values.actionTaken.trim() || null });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    ask(parsed.data);
  };

  return (
    <Section id="incident-form-heading" title={t('care.notes.incident.formTitle')} className="no-print">
      <FormErrorAlert error={mutation.error} />
      <form onSubmit={review} noValidate aria-labelledby="incident-form-heading">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...bind('occurredOn')} type="date" label={t('care.notes.incident.occurredOn')} max={todayIso()} required />
            <NativeSelect
              {...bind('kind')}
              label={t('care.notes.incident.kind')}
              data={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`care.notes.incident.kinds.${k}`) }))}
              required
            />
          </SimpleGrid>
          <Textarea {...bind('description')} label={t('care.notes.incident.description')} autosize minRows={3} maxLength={4000} required />
          <Textarea {...bind('actionTaken')} label={t('care.notes.incident.actionTaken')} autosize minRows={2} maxLength={4000} />
          {INCIDENT_KINDS_NEEDING_REVIEW.includes(values.kind) ? (
            <Text size="sm" c="dimmed">{t('care.notes.incident.reviewNotice')}</Text>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>{t('care.notes.incident.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        {...confirm}
        title={t('care.notes.incident.confirmTitle')}
        message={pending
          ? t('care.notes.incident.confirm', { kind: t(`care.notes.incident.kinds.${pending.kind}`), date: formatDate(pending.occurredOn), name: person.fullName })
          : null}
        confirmLabel={t('care.notes.incident.confirmYes')}
      />
    </Section>
  );
}
