import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_KINDS, routineExceptionBody } from '../../../shared/contracts/routine.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { addException, removeException, routineKeys, type RoutineException } from './api.ts';
import { timeText } from './labels.ts';

const KIND_COLOR: Record<(typeof EXCEPTION_KINDS)[number], string> = { holiday: 'teal.8', lockdown: 'red.8', other: 'gray.7' };

/** Dates when the routine changes: holidays, lockdowns; for a whole day or a time range. */
export function ExceptionsSection({ facilityId, exceptions, canManage }: { facilityId: string; exceptions: RoutineException[]; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (x: RoutineException) => removeException(x.id),
    onSuccess: (_, x) => {
      notifications.show({ color: 'teal', message: t('routine.exceptions.removed', { label: x.label }) });
      void queryClient.invalidateQueries({ queryKey: routineKeys.routine(facilityId) });
    },
  });
  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? ''));
  return (
    <section aria-labelledby="routine-exceptions">
      <Title order={2} size="h3" id="routine-exceptions" mt="xl" mb="xs">{t('routine.exceptions.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('routine.exceptions.help')}</Text>
      <ErrorAlert error={remove.error} />
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">{t('routine.exceptions.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped fz="sm" verticalSpacing="xs" mb="sm" aria-labelledby="routine-exceptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('routine.date')}</Table.Th>
                <Table.Th scope="col">{t('routine.time')}</Table.Th>
                <Table.Th scope="col">{t('routine.kindLabel')}</Table.Th>
                <Table.Th scope="col">{t('routine.label')}</Table.Th>
                {canManage ? <Table.Th scope="col" className="no-print">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Th scope="row" fw={500}>{formatDate(x.date)}</Table.Th>
                  <Table.Td>{timeText(x.start, x.end)}</Table.Td>
                  <Table.Td><Badge color={KIND_COLOR[x.kind]} variant="filled" tt="none">{t(`routine.exceptionKind.${x.kind}`)}</Badge></Table.Td>
                  <Table.Td>{x.label}</Table.Td>
                  {canManage ? (
                    <Table.Td className="no-print">
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('routine.exceptions.removeAria', { label: x.label, date: formatDate(x.date) })}
                        message={t('routine.exceptions.removeConfirm', { label: x.label, date: formatDate(x.date) })}
                        confirmLabel={t('routine.remove')}
                        onConfirm={() => remove.mutateAsync(x)}
                      >
                        {t('routine.remove')}
                      </ConfirmButton>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage ? <AddExceptionForm facilityId={facilityId} /> : null}
    </section>
  );
}

function AddExceptionForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>('holiday');
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(todayIso());
  const [wholeDay, setWholeDay] = useState(true);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: (body: Parameters<typeof addException>[1]) => addException(facilityId, body),
    onSuccess: (x) => {
      notifications.show({ color: 'teal', message: t('routine.exceptions.added', { label: x.label, date: formatDate(x.date) }) });
      setLabel('');
      void queryClient.invalidateQueries({ queryKey: routineKeys.routine(facilityId) });
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(routineExceptionBody, {
      kind, label, date, start: wholeDay ? null : start || null, end: wholeDay ? null : end || null,
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
  return (
    <Paper withBorder p="sm" className="no-print">
      <form onSubmit={submit} noValidate aria-labelledby="routine-add-exception">
        <Title order={3} size="h5" id="routine-add-exception" mb="xs">{t('routine.exceptions.add')}</Title>
        <ErrorAlert error={add.error instanceof ApiError && add.error.fields.length > 0 ? null : add.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput type="date" label={t('routine.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} required />
          <NativeSelect
            label={t('routine.kindLabel')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={EXCEPTION_KINDS.map((k) => ({ value: k, label: t(`routine.exceptionKind.${k}`) }))}
            error={errors.kind}
            required
          />
          <TextInput label={t('routine.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} required maxLength={120} />
        </SimpleGrid>
        <Checkbox mt="sm" label={t('routine.wholeDayLabel')} checked={wholeDay} onChange={(e) => setWholeDay(e.currentTarget.checked)} />
        {!wholeDay ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="sm">
            <TextInput type="time" label={t('routine.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} error={errors.start} required />
            <TextInput type="time" label={t('routine.end')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={errors.end} required />
          </SimpleGrid>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={add.isPending}>{t('routine.exceptions.addSubmit')}</Button>
        </Group>
      </form>
    </Paper>
  );
}
