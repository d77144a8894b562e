import { useState } from 'react';
import { Anchor, Button, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { courtDateBody, nonAssociationBody } from '../../../shared/contracts/routine.ts';
import type { WbpSummary } from '../../../shared/contracts/wbp.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { orNull, validate, type FieldErrors } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import {
  addCourtDate, addNonAssociation, fetchCourtDates, fetchNonAssociations, fetchPerson, removeCourtDate, removeNonAssociation,
  routineKeys, searchPeople, type CourtDate, type NonAssociation,
} from './api.ts';
import { timeText } from './labels.ts';
import { AddFormPanel, EmptyNote, RemoveButton, RoutineSection, useRoutineChange } from './SectionParts.tsx';
import { TimeRangeFields, useTimeRange } from './TimeRangeFields.tsx';

/** One person's court dates and the people they must not be grouped with; the scheduler keeps to both. */
export function SafeguardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const canManage = can('routine.manage');
  const person = useQuery({ queryKey: routineKeys.person(id), queryFn: ({ signal }) => fetchPerson(id, signal) });
  const name = person.data?.fullName ?? '';

  return (
    <>
      <PageTitle
        title={t('routine.safeguard.title')}
        subtitle={person.data ? `${person.data.fullName} · ${person.data.sdpNumber} · ${person.data.facilityName}` : undefined}
        actions={
          <Button variant="default" component={Link} to={`/wbp/${id}`}>{t('routine.safeguard.backToPerson')}</Button>
        }
      />
      <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      {person.isPending ? <Loading /> : null}
      {person.data ? (
        <>
          <CourtDates wbpId={id} name={name} canManage={canManage} />
          <NonAssociations wbpId={id} facilityId={person.data.facilityId} name={name} canManage={canManage} />
        </>
      ) : null}
    </>
  );
}

function CourtDates({ wbpId, name, canManage }: { wbpId: string; name: string; canManage: boolean }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: routineKeys.courtDates(wbpId), queryFn: ({ signal }) => fetchCourtDates(wbpId, signal) });
  const remove = useRoutineChange({
    change: (c: CourtDate) => removeCourtDate(c.id),
    done: (_, c) => t('routine.court.removed', { date: formatDate(c.date) }),
    refresh: routineKeys.courtDates(wbpId),
  });
  const items = [...(list.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const today = todayIso();

  return (
    <RoutineSection id="court-dates" title={t('routine.court.title')} help={t('routine.court.help')} mt={0}>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <ErrorAlert error={remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyNote>{t('routine.court.empty', { name })}</EmptyNote>
      ) : (
        <DataTable
          striped
          fz="sm"
          mb="sm"
          minWidth={480}
          aria-labelledby="court-dates"
          columns={[t('routine.date'), t('routine.time'), t('routine.note'), canManage && { label: t('common.actions'), className: 'no-print' }]}
        >
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} style={c.date < today ? { color: 'var(--mantine-color-gray-7)' } : undefined}>
                <Table.Th scope="row" fw={500}>
                  {formatDate(c.date)}
                  {c.date < today ? <Text span size="xs" c="dimmed"> · {t('routine.court.past')}</Text> : null}
                </Table.Th>
                <Table.Td>{timeText(c.start, c.end)}</Table.Td>
                <Table.Td>{c.note ?? '—'}</Table.Td>
                {canManage ? (
                  <Table.Td className="no-print">
                    <RemoveButton
                      label={t('routine.court.removeAria', { date: formatDate(c.date) })}
                      question={t('routine.court.removeConfirm', { date: formatDate(c.date), name })}
                      onConfirm={() => remove.mutateAsync(c)}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      {canManage ? <AddCourtDateForm wbpId={wbpId} /> : null}
    </RoutineSection>
  );
}

function AddCourtDateForm({ wbpId }: { wbpId: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const range = useTimeRange();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useRoutineChange({
    change: (body: Parameters<typeof addCourtDate>[1]) => addCourtDate(wbpId, body),
    done: (c) => t('routine.court.added', { date: formatDate(c.date) }),
    refresh: routineKeys.courtDates(wbpId),
    onDone: () => setNote(''),
    onFieldErrors: setErrors,
  });
  const submit = () => {
    const checked = validate(courtDateBody, { date, ...range.value, note: orNull(note) });
    const problems = { ...(checked.ok ? {} : checked.errors), ...range.problems };
    if (!checked.ok || Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    add.mutate(checked.data);
  };
  return (
    <AddFormPanel id="court-add" title={t('routine.court.add')} submitLabel={t('routine.court.addSubmit')} onSubmit={submit} pending={add.isPending} error={add.error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput type="date" label={t('routine.court.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} required />
        <TextInput label={t('routine.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={200} />
      </SimpleGrid>
      <TimeRangeFields range={range} errors={errors} cols={2} />
    </AddFormPanel>
  );
}

function NonAssociations({ wbpId, facilityId, name, canManage }: { wbpId: string; facilityId: string; name: string; canManage: boolean }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: routineKeys.nonAssociations(wbpId), queryFn: ({ signal }) => fetchNonAssociations(wbpId, signal) });
  const remove = useRoutineChange({
    change: (n: NonAssociation) => removeNonAssociation(n.id),
    done: (_, n) => t('routine.nonAssoc.removed', { other: n.otherName }),
    refresh: routineKeys.nonAssociations(wbpId),
  });
  const items = list.data ?? [];

  return (
    <RoutineSection id="non-assoc" title={t('routine.nonAssoc.title')} help={t('routine.nonAssoc.help')}>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <ErrorAlert error={remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyNote>{t('routine.nonAssoc.empty', { name })}</EmptyNote>
      ) : (
        <DataTable
          striped
          fz="sm"
          mb="sm"
          minWidth={560}
          aria-labelledby="non-assoc"
          columns={[
            t('routine.nonAssoc.other'), t('routine.nonAssoc.reason'), t('routine.nonAssoc.since'),
            canManage && { label: t('common.actions'), className: 'no-print' },
          ]}
        >
          <Table.Tbody>
            {items.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/wbp/${n.otherWbpId}/pengamanan`}>{n.otherName}</Anchor>
                  <Text size="xs" c="dimmed">{n.otherSdpNumber}</Text>
                </Table.Th>
                <Table.Td>{n.reason}</Table.Td>
                <Table.Td>{formatDate(n.createdAt)}</Table.Td>
                {canManage ? (
                  <Table.Td className="no-print">
                    <RemoveButton
                      label={t('routine.nonAssoc.removeAria', { other: n.otherName })}
                      question={t('routine.nonAssoc.removeConfirm', { name, other: n.otherName })}
                      onConfirm={() => remove.mutateAsync(n)}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      {canManage ? <AddNonAssociationForm wbpId={wbpId} facilityId={facilityId} existing={new Set(items.map((n) => n.otherWbpId))} /> : null}
    </RoutineSection>
  );
}

function AddNonAssociationForm({ wbpId, facilityId, existing }: { wbpId: string; facilityId: string; existing: Set<string> }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 350);
  const [picked, setPicked] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const searching = debounced.length >= 2;
  const results = useQuery({
    queryKey: routineKeys.search(facilityId, debounced),
    queryFn: ({ signal }) => searchPeople(facilityId, debounced, signal),
    enabled: searching,
  });
  const candidates = (results.data ?? []).filter((p) => p.id !== wbpId);
  // Only a person the list shows now can be the one chosen: a new search must not keep a choice it hides.
  const otherWbpId = candidates.some((p) => p.id === picked && !existing.has(p.id)) ? picked : '';
  const add = useRoutineChange({
    change: (body: Parameters<typeof addNonAssociation>[1]) => addNonAssociation(wbpId, body),
    done: (n) => t('routine.nonAssoc.added', { other: n.otherName }),
    refresh: routineKeys.nonAssociations(wbpId),
    onDone: () => {
      setPicked('');
      setReason('');
      setQ('');
    },
    onFieldErrors: setErrors,
  });
  const submit = () => {
    const checked = validate(nonAssociationBody, { otherWbpId, reason });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate(checked.data);
  };

  return (
    <AddFormPanel id="non-assoc-add" title={t('routine.nonAssoc.add')} submitLabel={t('routine.nonAssoc.addSubmit')} onSubmit={submit} pending={add.isPending} error={add.error}>
      <Stack gap="sm">
        <TextInput
          type="search"
          label={t('routine.nonAssoc.search')}
          description={t('routine.nonAssoc.searchHelp')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          autoComplete="off"
        />
        {!searching ? (
          errors.otherWbpId ? <Text c="red.8" size="sm" role="alert">{t('routine.nonAssoc.chooseFirst')}</Text> : null
        ) : results.isFetching && !results.data ? (
          <Loading />
        ) : (
          <CandidateChoice candidates={candidates} existing={existing} value={otherWbpId} onChange={setPicked} error={errors.otherWbpId} />
        )}
        <ErrorAlert error={results.error} />
        <Textarea
          label={t('routine.nonAssoc.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          maxLength={300}
          autosize
          minRows={2}
        />
      </Stack>
    </AddFormPanel>
  );
}

/** The people a search found, one to choose; those already kept apart are shown but cannot be chosen again. */
function CandidateChoice({ candidates, existing, value, onChange, error }: {
  candidates: WbpSummary[];
  existing: Set<string>;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('routine.nonAssoc.choose')} value={value} onChange={onChange} error={error} required>
      <Stack gap={6} mt={6} aria-live="polite">
        {candidates.length === 0 ? <Text size="sm" c="dimmed">{t('routine.nonAssoc.noMatch')}</Text> : null}
        {candidates.map((p) => (
          <Radio
            key={p.id}
            value={p.id}
            disabled={existing.has(p.id)}
            label={`${p.fullName} · ${p.sdpNumber}${p.block ? ` · ${t('routine.nonAssoc.block', { block: p.block })}` : ''}`}
            description={existing.has(p.id) ? t('routine.nonAssoc.already') : undefined}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
