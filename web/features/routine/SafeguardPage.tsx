import { useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { courtDateBody, nonAssociationBody } from '../../../shared/contracts/routine.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { orNull, validate, type FieldErrors } from '../../app/validation.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import {
  addCourtDate, addNonAssociation, fetchCourtDates, fetchNonAssociations, fetchPerson, removeCourtDate, removeNonAssociation,
  routineKeys, searchPeople, type CourtDate, type NonAssociation,
} from './api.ts';
import { timeText } from './labels.ts';

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
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: routineKeys.courtDates(wbpId), queryFn: ({ signal }) => fetchCourtDates(wbpId, signal) });
  const [date, setDate] = useState(todayIso());
  const [wholeDay, setWholeDay] = useState(true);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = () => void queryClient.invalidateQueries({ queryKey: routineKeys.courtDates(wbpId) });
  const add = useMutation({
    mutationFn: (body: Parameters<typeof addCourtDate>[1]) => addCourtDate(wbpId, body),
    onSuccess: (c) => {
      notifications.show({ color: 'teal', message: t('routine.court.added', { date: formatDate(c.date) }) });
      setNote('');
      refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    },
  });
  const remove = useMutation({
    mutationFn: (c: CourtDate) => removeCourtDate(c.id),
    onSuccess: (_, c) => {
      notifications.show({ color: 'teal', message: t('routine.court.removed', { date: formatDate(c.date) }) });
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(courtDateBody, {
      date, start: wholeDay ? null : start || null, end: wholeDay ? null : end || null, note: orNull(note),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (!wholeDay && !checked.data.start) {
      setErrors({ start: t('validation.required'), end: t('validation.required') });
      return;
    }
    setErrors({});
    add.mutate(checked.data);
  };
  const items = [...(list.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const today = todayIso();

  return (
    <section aria-labelledby="court-dates">
      <Title order={2} size="h3" id="court-dates" mb="xs">{t('routine.court.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('routine.court.help')}</Text>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <ErrorAlert error={remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">{t('routine.court.empty', { name })}</Text>
      ) : (
        <Table striped fz="sm" verticalSpacing="xs" mb="sm" aria-labelledby="court-dates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('routine.date')}</Table.Th>
              <Table.Th scope="col">{t('routine.time')}</Table.Th>
              <Table.Th scope="col">{t('routine.note')}</Table.Th>
              {canManage ? <Table.Th scope="col" className="no-print">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
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
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('routine.court.removeAria', { date: formatDate(c.date) })}
                      message={t('routine.court.removeConfirm', { date: formatDate(c.date), name })}
                      confirmLabel={t('routine.remove')}
                      onConfirm={() => remove.mutateAsync(c)}
                    >
                      {t('routine.remove')}
                    </ConfirmButton>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canManage ? (
        <Paper withBorder p="sm" className="no-print">
          <form onSubmit={submit} noValidate aria-labelledby="court-add">
            <Title order={3} size="h5" id="court-add" mb="xs">{t('routine.court.add')}</Title>
            <ErrorAlert error={add.error instanceof ApiError && add.error.fields.length > 0 ? null : add.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput type="date" label={t('routine.court.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} required />
              <TextInput label={t('routine.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={200} />
            </SimpleGrid>
            <Checkbox mt="sm" label={t('routine.wholeDayLabel')} checked={wholeDay} onChange={(e) => setWholeDay(e.currentTarget.checked)} />
            {!wholeDay ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
                <TextInput type="time" label={t('routine.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} error={errors.start} required />
                <TextInput type="time" label={t('routine.end')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={errors.end} required />
              </SimpleGrid>
            ) : null}
            <Group justify="flex-end" mt="sm">
              <Button type="submit" loading={add.isPending}>{t('routine.court.addSubmit')}</Button>
            </Group>
          </form>
        </Paper>
      ) : null}
    </section>
  );
}

function NonAssociations({ wbpId, facilityId, name, canManage }: { wbpId: string; facilityId: string; name: string; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: routineKeys.nonAssociations(wbpId), queryFn: ({ signal }) => fetchNonAssociations(wbpId, signal) });
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 350);
  const [otherWbpId, setOtherWbpId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const results = useQuery({
    queryKey: routineKeys.search(facilityId, debounced),
    queryFn: ({ signal }) => searchPeople(facilityId, debounced, signal),
    enabled: canManage && debounced.length >= 2,
  });
  const existing = new Set((list.data ?? []).map((n) => n.otherWbpId));
  const candidates = (results.data ?? []).filter((p) => p.id !== wbpId);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: routineKeys.nonAssociations(wbpId) });
  const add = useMutation({
    mutationFn: (body: Parameters<typeof addNonAssociation>[1]) => addNonAssociation(wbpId, body),
    onSuccess: (n) => {
      notifications.show({ color: 'teal', message: t('routine.nonAssoc.added', { other: n.otherName }) });
      setOtherWbpId('');
      setReason('');
      setQ('');
      refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    },
  });
  const remove = useMutation({
    mutationFn: (n: NonAssociation) => removeNonAssociation(n.id),
    onSuccess: (_, n) => {
      notifications.show({ color: 'teal', message: t('routine.nonAssoc.removed', { other: n.otherName }) });
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(nonAssociationBody, { otherWbpId, reason });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate(checked.data);
  };
  const items = list.data ?? [];

  return (
    <section aria-labelledby="non-assoc">
      <Title order={2} size="h3" id="non-assoc" mt="xl" mb="xs">{t('routine.nonAssoc.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('routine.nonAssoc.help')}</Text>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <ErrorAlert error={remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">{t('routine.nonAssoc.empty', { name })}</Text>
      ) : (
        <Table striped fz="sm" verticalSpacing="xs" mb="sm" aria-labelledby="non-assoc">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('routine.nonAssoc.other')}</Table.Th>
              <Table.Th scope="col">{t('routine.nonAssoc.reason')}</Table.Th>
              <Table.Th scope="col">{t('routine.nonAssoc.since')}</Table.Th>
              {canManage ? <Table.Th scope="col" className="no-print">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
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
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('routine.nonAssoc.removeAria', { other: n.otherName })}
                      message={t('routine.nonAssoc.removeConfirm', { name, other: n.otherName })}
                      confirmLabel={t('routine.remove')}
                      onConfirm={() => remove.mutateAsync(n)}
                    >
                      {t('routine.remove')}
                    </ConfirmButton>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canManage ? (
        <Paper withBorder p="sm" className="no-print">
          <form onSubmit={submit} noValidate aria-labelledby="non-assoc-add">
            <Title order={3} size="h5" id="non-assoc-add" mb="xs">{t('routine.nonAssoc.add')}</Title>
            <ErrorAlert error={add.error instanceof ApiError && add.error.fields.length > 0 ? null : add.error} />
            <Stack gap="sm">
              <TextInput
                type="search"
                label={t('routine.nonAssoc.search')}
                description={t('routine.nonAssoc.searchHelp')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                autoComplete="off"
              />
              {debounced.length >= 2 ? (
                results.isFetching && !results.data ? (
                  <Loading />
                ) : (
                  <Radio.Group
                    label={t('routine.nonAssoc.choose')}
                    value={otherWbpId}
                    onChange={setOtherWbpId}
                    error={errors.otherWbpId}
                    required
                  >
                    <Stack gap={6} mt={6} aria-live="polite">
                      {candidates.length === 0 ? (
                        <Text size="sm" c="dimmed">{t('routine.nonAssoc.noMatch')}</Text>
                      ) : (
                        candidates.map((p) => (
                          <Radio
                            key={p.id}
                            value={p.id}
                            disabled={existing.has(p.id)}
                            label={`${p.fullName} · ${p.sdpNumber}${p.block ? ` · ${t('routine.nonAssoc.block', { block: p.block })}` : ''}`}
                            description={existing.has(p.id) ? t('routine.nonAssoc.already') : undefined}
                          />
                        ))
                      )}
                    </Stack>
                  </Radio.Group>
                )
              ) : errors.otherWbpId ? (
                <Text c="red.8" size="sm" role="alert">{t('routine.nonAssoc.chooseFirst')}</Text>
              ) : null}
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
            <Group justify="flex-end" mt="sm">
              <Button type="submit" loading={add.isPending}>{t('routine.nonAssoc.addSubmit')}</Button>
            </Group>
          </form>
        </Paper>
      ) : null}
    </section>
  );
}
