import type { ReactNode } from 'react';
import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth.tsx';
import { todayIso } from '../../app/format.ts';
import { addDays, isIsoDate } from './labels.ts';

/** The unit and date of a day list, kept in the address (?facility=…&date=…) so a list can be bookmarked and shared. */
export function useDayParams() {
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const facility = user.facilities.find((f) => f.id === search.get('facility')) ?? user.facilities[0] ?? null;
  const dateParam = search.get('date');
  const date = isIsoDate(dateParam) ? dateParam : todayIso();
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  return { facility, facilities: user.facilities, date, search, setParam };
}

/** Unit, date (with previous/next day) and print: the controls above a printable day list, hidden on paper. */
export function DayControls({ children, canPrint }: { children?: ReactNode; canPrint: boolean }) {
  const { t } = useTranslation();
  const { facility, facilities, date, setParam } = useDayParams();
  return (
    <Paper withBorder p="sm" mb="md" className="no-print">
      <Group align="flex-end" gap="sm" wrap="wrap">
        {facilities.length > 1 && facility ? (
          <NativeSelect
            label={t('timetable.unit')}
            value={facility.id}
            onChange={(e) => setParam('facility', e.currentTarget.value)}
            data={facilities.map((f) => ({ value: f.id, label: f.name }))}
            miw={240}
          />
        ) : null}
        <TextInput
          type="date"
          label={t('timetable.date')}
          value={date}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isIsoDate(v)) setParam('date', v);
          }}
        />
        <Group gap="xs" role="group" aria-label={t('timetable.dayNav')}>
          <Button variant="default" onClick={() => setParam('date', addDays(date, -1))}>{t('timetable.previousDay')}</Button>
          <Button variant="default" onClick={() => setParam('date', todayIso())} disabled={date === todayIso()}>{t('timetable.today')}</Button>
          <Button variant="default" onClick={() => setParam('date', addDays(date, 1))}>{t('timetable.nextDay')}</Button>
        </Group>
        {children}
        <Button onClick={() => window.print()} disabled={!canPrint} ml="auto">{t('common.print')}</Button>
      </Group>
    </Paper>
  );
}
