import { useState } from 'react';
import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/validation.ts';

/** A whole day, or a time range within it: what an exception or a court date covers. */
export function useTimeRange() {
  const { t } = useTranslation();
  const [wholeDay, setWholeDay] = useState(true);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  // With neither time the contracts would read a whole day; asking for a range means giving one.
  const problems: FieldErrors = !wholeDay && start === '' && end === '' ? { start: t('validation.required'), end: t('validation.required') } : {};
  return {
    wholeDay, setWholeDay, start, setStart, end, setEnd,
    /** The times as the contracts take them: none for a whole day, null for a time left empty. */
    value: { start: wholeDay ? null : start || null, end: wholeDay ? null : end || null },
    /** What the contracts cannot see is wrong, by field. */
    problems,
  };
}

type TimeRange = ReturnType<typeof useTimeRange>;

/** "Sepanjang hari", and when unticked the start and end times. */
export function TimeRangeFields({ range, errors, cols }: { range: TimeRange; errors: FieldErrors; cols: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox mt="sm" label={t('routine.wholeDayLabel')} checked={range.wholeDay} onChange={(e) => range.setWholeDay(e.currentTarget.checked)} />
      {!range.wholeDay ? (
        <SimpleGrid cols={{ base: 1, sm: cols }} spacing="sm" mt="sm">
          <TextInput type="time" label={t('routine.start')} value={range.start} onChange={(e) => range.setStart(e.currentTarget.value)} error={errors.start} required />
          <TextInput type="time" label={t('routine.end')} value={range.end} onChange={(e) => range.setEnd(e.currentTarget.value)} error={errors.end} required />
        </SimpleGrid>
      ) : null}
    </>
  );
}
