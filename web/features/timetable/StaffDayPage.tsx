import { Anchor, Badge, Group, NativeSelect, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth, useUser } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fetchStaff, fetchStaffDay, timetableKeys, type TimetableSession } from './api.ts';
import { CalendarLinkSection } from './CalendarLinkSection.tsx';
import { DayControls, useDayParams } from './DayControls.tsx';
import { formatLongDate, sessionLabel, timeText } from './labels.ts';
import { SessionGroupText } from './SessionParts.tsx';

/** One staff member's sessions of a day with who attends each: the list a counsellor takes along. */
export function StaffDayPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const { facility, date, search, setParam } = useDayParams('timetable.read');
  const facilityId = facility?.id ?? '';
  const canChoose = can('timetable.manage', facilityId);
  const staffId = canChoose ? (search.get('staff') ?? '') : '';

  const staff = useQuery({
    queryKey: timetableKeys.staff(facilityId),
    queryFn: ({ signal }) => fetchStaff(facilityId, signal),
    enabled: canChoose && facility !== null,
  });
  const day = useQuery({
    queryKey: timetableKeys.staffDay(facilityId, date, staffId),
    queryFn: ({ signal }) => fetchStaffDay(facilityId, date, staffId, signal),
    enabled: facility !== null,
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('timetable.staffDay.title')} />
        <EmptyState title={t('timetable.noFacilityTitle')} description={t('timetable.noFacilityHelp')} />
      </>
    );
  }

  const sessions = [...(day.data?.sessions ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const name = day.data?.staffName ?? (staffId ? (staff.data?.find((s) => s.userId === staffId)?.fullName ?? '') : user.fullName);
  const staffOptions = (staff.data ?? []).map((s) => ({ value: s.userId, label: s.fullName }));
  if (!staffOptions.some((o) => o.value === user.id)) staffOptions.unshift({ value: user.id, label: user.fullName });

  return (
    <>
      <PageTitle
        title={staffId && staffId !== user.id ? t('timetable.staffDay.titleOf', { name }) : t('timetable.staffDay.title')}
        subtitle={t('timetable.staffDay.subtitle', { name, unit: day.data?.facilityName ?? facility.name, date: formatLongDate(date) })}
      />
      <DayControls canPrint={sessions.length > 0} permission="timetable.read">
        {canChoose ? (
          <NativeSelect
            label={t('timetable.staffDay.staff')}
            value={staffId || user.id}
            onChange={(e) => setParam('staff', e.currentTarget.value === user.id ? null : e.currentTarget.value)}
            data={staffOptions}
            miw={220}
          />
        ) : null}
      </DayControls>
      <ErrorAlert error={staff.error} />
      <ErrorAlert error={day.error} onRetry={() => void day.refetch()} />
      {day.isPending ? (
        <Loading />
      ) : !day.data ? null : sessions.length === 0 ? (
        <EmptyState title={t('timetable.staffDay.emptyTitle')} description={t('timetable.staffDay.emptyHelp', { name, date: formatLongDate(date) })} />
      ) : (
        <>
          <Text size="sm" mb="sm">{t('timetable.sessionCount', { count: sessions.length })}</Text>
          {sessions.map((s) => <StaffSession key={s.id} session={s} />)}
        </>
      )}
      <Text className="print-only" size="xs" mt="md">{t('timetable.printedAt', { date: formatDateTime(new Date().toISOString()) })}</Text>
      {!staffId || staffId === user.id ? <CalendarLinkSection /> : null}
    </>
  );
}

function StaffSession({ session: s }: { session: TimetableSession }) {
  const { t } = useTranslation();
  const location = useLocation();
  const headingId = `staff-day-${s.id}`;
  return (
    <Paper withBorder p="sm" mb="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {timeText(s.start, s.end)} · {s.programmeName} · {s.sessionName}
          </Title>
          <Text size="sm">
            <SessionGroupText session={s} /> · {s.roomName}
          </Text>
        </div>
        <Group gap={6}>
          {s.moved ? <Badge color="blue.8" variant="filled" tt="none" size="sm">{t('timetable.moved')}</Badge> : null}
          {s.attendanceRecorded ? <Badge color="teal.8" variant="filled" tt="none" size="sm">{t('timetable.attendanceRecorded')}</Badge> : null}
          <Anchor component={Link} to={`/jadwal/sesi/${s.id}/kehadiran`} state={{ back: location.pathname + location.search }} size="sm" className="no-print" aria-label={t('timetable.attendanceAria', { label: sessionLabel(s) })}>
            {t('timetable.attendance')}
          </Anchor>
        </Group>
      </Group>
      {s.members.length === 0 ? (
        <Text size="sm" c="dimmed">{t('timetable.noMembers')}</Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} withRowBorders aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={40}>{t('timetable.number')}</Table.Th>
              <Table.Th scope="col">{t('timetable.custody.name')}</Table.Th>
              <Table.Th scope="col">{t('timetable.custody.sdpNumber')}</Table.Th>
              <Table.Th scope="col" className="print-only-cell">{t('timetable.staffDay.present')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.members.map((m, i) => (
              <Table.Tr key={m.wbpId}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Th scope="row" fw={500}>{m.fullName}</Table.Th>
                <Table.Td><Text span size="sm" ff="monospace">{m.sdpNumber}</Text></Table.Td>
                <Table.Td className="print-only-cell" aria-hidden="true">☐</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
