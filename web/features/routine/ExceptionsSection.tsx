import { useState } from 'react';
import { Badge, NativeSelect, SimpleGrid, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_KINDS, routineExceptionBody } from '../../../shared/contracts/routine.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { addException, removeException, routineKeys, type RoutineException } from './api.ts';
import { timeText } from './labels.ts';
import { AddFormPanel, EmptyNote, RemoveButton, RoutineSection, useRoutineChange } from './SectionParts.tsx';
import { TimeRangeFields, useTimeRange } from './TimeRangeFields.tsx';

const KIND_COLOR: Record<(typeof EXCEPTION_KINDS)[number], string> = { holiday: 'teal.8', lockdown: 'red.8', other: 'gray.7' };

/** Dates when the routine changes: holidays, lockdowns; for a whole day or a time range. */
export function ExceptionsSection({ facilityId, exceptions, canManage }: { facilityId: string; exceptions: RoutineException[]; canManage: boolean }) {
  const { t } = useTranslation();
  const remove = useRoutineChange({
    change: (x: RoutineException) => removeException(x.id),
    done: (_, x) => t('routine.exceptions.removed', { label: x.label }),
    refresh: routineKeys.routine(facilityId),
  });
  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? ''));
  return (
    <RoutineSection id="routine-exceptions" title={t('routine.exceptions.title')} help={t('routine.exceptions.help')}>
      <ErrorAlert error={remove.error} />
      {sorted.length === 0 ? (
        <EmptyNote>{t('routine.exceptions.empty')}</EmptyNote>
      ) : (
        <DataTable
          striped
          fz="sm"
          minWidth={560}
          mb="sm"
          aria-labelledby="routine-exceptions"
          columns={[
            t('routine.date'), t('routine.time'), t('routine.kindLabel'), t('routine.label'),
            canManage && { label: t('common.actions'), className: 'no-print' },
          ]}
        >
          <Table.Tbody>
            {sorted.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Th scope="row" fw={500}>{formatDate(x.date)}</Table.Th>
                <Table.Td>{timeText(x.start, x.end)}</Table.Td>
                <Table.Td><Badge color={KIND_COLOR[x.kind]} variant="filled" tt="none">{t(`routine.exceptionKind.${x.kind}`)}</Badge></Table.Td>
                <Table.Td>{x.label}</Table.Td>
                {canManage ? (
                  <Table.Td className="no-print">
                    <RemoveButton
                      label={t('routine.exceptions.removeAria', { label: x.label, date: formatDate(x.date) })}
                      question={t('routine.exceptions.removeConfirm', { label: x.label, date: formatDate(x.date) })}
                      onConfirm={() => remove.mutateAsync(x)}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      {canManage ? <AddExceptionForm facilityId={facilityId} /> : null}
    </RoutineSection>
  );
}

function AddExceptionForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('holiday');
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(todayIso());
  const range = useTimeRange();
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useRoutineChange({
    change: (body: Parameters<typeof addException>[1]) => addException(facilityId, body),
    done: (x) => t('routine.exceptions.added', { label: x.label, date: formatDate(x.date) }),
    refresh: routineKeys.routine(facilityId),
    onDone: () => setLabel(''),
    onFieldErrors: setErrors,
  });
  const submit = () => {
    const checked = validate(routineExceptionBody, { kind, label, date, ...range.value });
    const problems = { ...(checked.ok ? {} : checked.errors), ...range.problems };
    if (!checked.ok || Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setErrors({});
    add.mutate(checked.data);
  };
  return (
    <AddFormPanel
      id="routine-add-exception"
      title={t('routine.exceptions.add')}
      submitLabel={t('routine.exceptions.addSubmit')}
      onSubmit={submit}
      pending={add.isPending}
      error={add.error}
    >
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
      <TimeRangeFields range={range} errors={errors} cols={3} />
    </AddFormPanel>
  );
}
