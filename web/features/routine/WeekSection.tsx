import { useState } from 'react';
import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROUTINE_KINDS, routineBlockBody } from '../../../shared/contracts/routine.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { addBlock, removeBlock, routineKeys, type RoutineBlock } from './api.ts';
import { DAYS, dayName, timeText } from './labels.ts';
import { AddFormPanel, RemoveButton, RoutineSection, useRoutineChange } from './SectionParts.tsx';

const KIND_COLOR: Record<(typeof ROUTINE_KINDS)[number], string> = {
  roll_call: 'blue.8', meal: 'orange.9', worship: 'grape.8', work: 'cyan.9', sports: 'green.9', visits: 'pink.8', lock_up: 'dark.6', other: 'gray.7',
};

/** The unit's weekly routine, one column a day; no programme session is held during these blocks. */
export function WeekSection({ facilityId, blocks, canManage }: { facilityId: string; blocks: RoutineBlock[]; canManage: boolean }) {
  const { t } = useTranslation();
  const remove = useRoutineChange({
    change: (b: RoutineBlock) => removeBlock(b.id),
    done: (_, b) => t('routine.blocks.removed', { label: b.label }),
    refresh: routineKeys.routine(facilityId),
  });
  const sorted = [...blocks].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <RoutineSection id="routine-week" title={t('routine.blocks.title')} help={t('routine.blocks.help')} mt={0}>
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
                        <RemoveButton
                          size="compact-xs"
                          className="no-print"
                          label={t('routine.blocks.removeAria', { label: b.label, day: dayName(b.dayOfWeek), time: timeText(b.start, b.end) })}
                          question={t('routine.blocks.removeConfirm', { label: b.label, day: dayName(b.dayOfWeek), time: timeText(b.start, b.end) })}
                          onConfirm={() => remove.mutateAsync(b)}
                        />
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
    </RoutineSection>
  );
}

function AddBlockForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const [label, setLabel] = useState('');
  const [day, setDay] = useState('1');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useRoutineChange({
    change: (body: Parameters<typeof addBlock>[1]) => addBlock(facilityId, body),
    done: (b) => t('routine.blocks.added', { label: b.label, day: dayName(b.dayOfWeek) }),
    refresh: routineKeys.routine(facilityId),
    onDone: () => {
      setLabel('');
      setStart('');
      setEnd('');
    },
    onFieldErrors: setErrors,
  });
  const submit = () => {
    const checked = validate(routineBlockBody, { kind, label, dayOfWeek: Number(day), start, end });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate(checked.data);
  };
  return (
    <AddFormPanel
      id="routine-add-block"
      title={t('routine.blocks.add')}
      submitLabel={t('routine.blocks.addSubmit')}
      onSubmit={submit}
      pending={add.isPending}
      error={add.error}
    >
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
    </AddFormPanel>
  );
}
