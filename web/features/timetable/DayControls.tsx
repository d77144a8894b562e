import type { ReactNode } from 'react';
import { Button, Group, Paper, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/format.ts';
import { addDays, isIsoDate } from './labels.ts';
import { useChosenFacility } from '../../app/facility.ts';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import type { Permission } from '../../../shared/domain/permissions.ts';

/**
 * The unit and date of a day list, kept in the address (?upt=…&date=…) so a list can be bookmarked
 * and shared; the unit among those where `permission` (the list's) may be used.
 */
export function useDayParams(permission: Permission) {
  const chosen = useChosenFacility(permission);
  const dateParam = chosen.search.get('date');
  return { ...chosen, date: isIsoDate(dateParam) ? dateParam : todayIso() };
}

/** Unit, date (with previous/next day) and print: the controls above a printable day list, hidden on paper. */
export function DayControls({ children, canPrint, permission }: { children?: ReactNode; canPrint: boolean; permission: Permission }) {
  const { t } = useTranslation();
  const { facility, several, date, setParam, choose } = useDayParams(permission);
  return (
    <Paper withBorder p="sm" mb="md" className="no-print">
      <Group align="flex-end" gap="sm" wrap="wrap">
        {several && facility ? <FacilitySelect label={t('timetable.unit')} value={facility.id} onChoose={choose} permission={permission} miw={240} /> : null}
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
