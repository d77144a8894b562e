import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROUTINE_KINDS, routineBlockBody } from '../../../shared/contracts/routine.ts';
import { ApiError } from '../../app/api.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { addBlock, removeBlock, routineKeys, type RoutineBlock } from './api.ts';
import { DAYS, dayName, timeText } from './labels.ts';

const KIND_COLOR: Record<(typeof ROUTINE_KINDS)[number], string> = {
  roll_call: 'blue.8', meal: 'orange.9', worship: 'grape.8', work: 'cyan.9', sports: 'green.9', visits: 'pink.8', lock_up: 'dark.6', other: 'gray.7',
};

/** The unit's weekly routine, one column a day; no programme session is held during these blocks. */
export function WeekSection({ facilityId, blocks, canManage }: { facilityId: string; blocks: RoutineBlock[]; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (b: RoutineBlock) => removeBlock(b.id),
    onSuccess: (_, b) => {
      notifications.show({ color: 'teal', message: t('routine.blocks.removed', { label: b.label }) });
      void queryClient.invalidateQueries({ queryKey: routineKeys.routine(facilityId) });
    },
  });
  const sorted = [...blocks].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <section aria-labelledby="routine-week">
      <Title order={2} size="h3" id="routine-week" mb="xs">{t('routine.blocks.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('routine.blocks.help')}</Text>
      <ErrorAlert error={remove.error} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4, xl: 7 }} spacing="xs" mb="md">
        {DAYS.map((day) => {
          const today = sorted.filter((b) => b.dayOfWeek === day);
          return (
            <Paper key={day} withBorder p="xs" component="section" aria-labelledby={`routine-day-${day}`}>
              <Title order={3} size="h5" id={`routine-day-${day}`} mb={6}>{dayName(day)}</Title>
              {today.length === 0 ? (
                <Text size="xs" c="dimmed">{t('routine.blocks.dayEmpty')}</Text>
              ) : (
                <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {today.map((b) => (
                    <li key={b.id}>
                      <Text size="sm" fw={600}>{timeText(b.start, b.end)}</Text>
                      <Group gap={4} wrap="wrap">
                        <Badge color={KIND_COLOR[b.kind]} variant="filled" tt="none" size="sm">{t(`routine.kind.${b.kind}`)}</Badge>
                        <Text size="sm">{b.label}</Text>
                      </Group>
                      {canManage ? (
                        <ConfirmButton
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          className="no-print"
                          aria-label={t('routine.blocks.removeAria', { label: b.label, day: dayName(b.dayOfWeek), time: timeText(b.start, b.end) })}
                          message={t('routine.blocks.removeConfirm', { label: b.label, day: dayName(b.dayOfWeek), time: timeText(b.start, b.end) })}
                          confirmLabel={t('routine.remove')}
                          onConfirm={() => remove.mutateAsync(b)}
                        >
                          {t('routine.remove')}
                        </ConfirmButton>
                      ) : null}
                    </li>
                  ))}
                </Stack>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
      {canManage ? <AddBlockForm facilityId={facilityId} /> : null}
    </section>
  );
}

function AddBlockForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('');
  const [label, setLabel] = useState('');
  const [day, setDay] = useState('1');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: (body: Parameters<typeof addBlock>[1]) => addBlock(facilityId, body),
    onSuccess: (b) => {
      notifications.show({ color: 'teal', message: t('routine.blocks.added', { label: b.label, day: dayName(b.dayOfWeek) }) });
      setLabel('');
      setStart('');
      setEnd('');
      void queryClient.invalidateQueries({ queryKey: routineKeys.routine(facilityId) });
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(routineBlockBody, { kind, label, dayOfWeek: Number(day), start, end });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate(checked.data);
  };
  return (
    <Paper withBorder p="sm" className="no-print">
      <form onSubmit={submit} noValidate aria-labelledby="routine-add-block">
        <Title order={3} size="h5" id="routine-add-block" mb="xs">{t('routine.blocks.add')}</Title>
        <ErrorAlert error={add.error instanceof ApiError && add.error.fields.length > 0 ? null : add.error} />
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm">
          <NativeSelect
            label={t('routine.kindLabel')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...ROUTINE_KINDS.map((k) => ({ value: k, label: t(`routine.kind.${k}`) }))]}
            error={errors.kind}
            required
          />
          <TextInput label={t('routine.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} required maxLength={80} />
          <NativeSelect
            label={t('routine.dayLabel')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            data={DAYS.map((d) => ({ value: String(d), label: dayName(d) }))}
            error={errors.dayOfWeek}
            required
          />
          <TextInput type="time" label={t('routine.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} error={errors.start} required />
          <TextInput type="time" label={t('routine.end')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={errors.end} required />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={add.isPending}>{t('routine.blocks.addSubmit')}</Button>
        </Group>
      </form>
    </Paper>
  );
}
