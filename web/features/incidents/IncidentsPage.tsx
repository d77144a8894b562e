import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { INCIDENT_KINDS, INCIDENT_KINDS_NEEDING_REVIEW, incidentRequest, type IncidentKind } from '../../../shared/contracts/notes.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { CareTabs } from '../../components/CareTabs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { PersonHeader, PersonLoadError } from '../../components/PersonHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { pageOf, withChanges } from '../../components/useListAddress.ts';
import { fetchIncidents, fetchPerson, incidentsKeys, recordIncident, type IncidentBody, type IncidentRecord } from './api.ts';

const PAGE_SIZE = 20;

const KIND_COLOR: Record<IncidentKind, string> = {
  drug_use: 'red.8', drug_possession: 'red.8', violence: 'orange.9', rule_violation: 'yellow.9', other: 'gray.7',
};

/** Incidents in custody on a person's record, latest first, and (with care.write) the form to record one. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  const page = pageOf(search);
  const person = useQuery({ queryKey: incidentsKeys.person(id), queryFn: ({ signal }) => fetchPerson(id, signal), enabled: !!id });
  const incidents = useQuery({
    queryKey: incidentsKeys.page(id, page),
    queryFn: ({ signal }) => fetchIncidents(id, page, PAGE_SIZE, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });

  if (person.isPending) return <Loading />;
  if (person.error) return <PersonLoadError error={person.error} title={t('care.tabs.incidents')} onRetry={() => void person.refetch()} />;
  const w = person.data;

  return (
    <>
      <PersonHeader
        person={w}
        title={t('care.notes.incident.title', { name: w.fullName })}
        back={{ to: `/wbp/${w.id}`, label: t('care.notes.backToPerson') }}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      <CareTabs wbpId={w.id} active="incidents" />
      <Stack gap="md">
        {can('care.write') ? <IncidentForm person={w} onSaved={() => setSearch(withChanges(search, { page: undefined }))} /> : null}
        <Section id="incidents-heading" title={t('care.notes.incident.listTitle')}>
          <QueryView query={incidents} isEmpty={(data) => data.total === 0} empty={<EmptyState title={t('care.notes.incident.empty')} />}>
            {(data) => (
              <>
                <IncidentTable items={data.items} />
                <Pagination
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onChange={(p) => setSearch(withChanges(search, { page: p > 1 ? String(p) : undefined }))}
                />
              </>
            )}
          </QueryView>
        </Section>
      </Stack>
    </>
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
  const { values, setValues, show, bind } = useFormFields<IncidentValues>(blank, 'incident', ORDER);
  const [pending, setPending] = useState<IncidentBody | null>(null);

  const mutation = useMutation({
    mutationFn: (body: IncidentBody) => recordIncident(person.id, body),
    onSuccess: (created) => {
      notifications.show({
        color: 'teal',
        message: created.reviewTask
          ? t('care.notes.incident.savedWithTask', { date: formatDate(created.reviewTask.dueOn) })
          : t('care.notes.incident.saved'),
      });
      setPending(null);
      setValues(blank());
      show({});
      void queryClient.invalidateQueries({ queryKey: incidentsKeys.all(person.id) });
      // A review task may have been opened.
      invalidateCareRecord(queryClient, person.id, 'tasks');
      onSaved();
    },
    onError: (err) => {
      setPending(null);
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const review = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(incidentRequest, { ...values, actionTaken: values.actionTaken.trim() || null });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    mutation.reset();
    setPending(parsed.data);
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
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('care.notes.incident.confirmTitle')} centered>
        {pending ? (
          <Stack>
            <Alert color="orange" role="alert">
              {t('care.notes.incident.confirm', {
                kind: t(`care.notes.incident.kinds.${pending.kind}`), date: formatDate(pending.occurredOn), name: person.fullName,
              })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)} disabled={mutation.isPending}>{t('common.cancel')}</Button>
              <Button onClick={() => mutation.mutate(pending)} loading={mutation.isPending} data-autofocus>
                {t('care.notes.incident.confirmYes')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Section>
  );
}
