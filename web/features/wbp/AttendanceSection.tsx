import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AttendanceStatus, personAttendanceList } from '../../../shared/contracts/timetable.ts';
import { api } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';

type PersonAttendanceList = z.infer<typeof personAttendanceList>;

/** The key the attendance screen (web/features/timetable) refreshes after recording a session. */
export const attendanceKey = (wbpId: string) => ['wbp', 'attendance', wbpId] as const;

function fetchPersonAttendance(wbpId: string, signal?: AbortSignal): Promise<PersonAttendanceList> {
  return api<PersonAttendanceList>(`/api/wbp/${encodeURIComponent(wbpId)}/attendance`, { signal });
}

const STATUS_COLOR: Record<AttendanceStatus, string> = { present: 'teal.8', absent: 'red.8', excused: 'yellow.4' };

function clock(value: string, language: string): string {
  return language === 'en' ? value : value.replace(/^(\d{2}):(\d{2})$/, '$1.$2');
}

/** A person's attendance at programme sessions, newest first as the server sends it; for clinical roles only. */
export function AttendanceSection({ wbpId }: { wbpId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: attendanceKey(wbpId), queryFn: ({ signal }) => fetchPersonAttendance(wbpId, signal) });
  const summary = list.data?.summary;
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="attendance-heading">
      <Group justify="space-between" align="baseline" wrap="wrap" mb="sm">
        <Title order={2} size="h4" id="attendance-heading">{t('wbp.attendance.title')}</Title>
        {summary ? (
          <Group gap="xs" aria-label={t('wbp.attendance.summaryLabel')} role="group">
            {(['present', 'absent', 'excused'] as const).map((st) => (
              <Badge key={st} color={STATUS_COLOR[st]} autoContrast variant="filled" tt="none" size="lg">
                {t(`attendance.status.${st}`)}: {formatNumber(summary[st])}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : !list.data ? null : items.length === 0 ? (
        <Text size="sm" c="dimmed">{t('wbp.attendance.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped fz="sm" verticalSpacing="xs" aria-labelledby="attendance-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('wbp.attendance.date')}</Table.Th>
                <Table.Th scope="col">{t('wbp.attendance.time')}</Table.Th>
                <Table.Th scope="col">{t('wbp.attendance.programme')}</Table.Th>
                <Table.Th scope="col">{t('wbp.attendance.session')}</Table.Th>
                <Table.Th scope="col">{t('wbp.attendance.status')}</Table.Th>
                <Table.Th scope="col">{t('wbp.attendance.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.sessionId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.date)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{clock(a.start, i18n.language)}–{clock(a.end, i18n.language)}</Table.Td>
                  <Table.Td>{a.programmeName}</Table.Td>
                  <Table.Td>{a.sessionName}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[a.status]} autoContrast variant="filled" tt="none">{t(`attendance.status.${a.status}`)}</Badge>
                    {a.absenceReason ? <Text span size="sm" ml={6}>{t(`attendance.reason.${a.absenceReason}`)}</Text> : null}
                  </Table.Td>
                  <Table.Td>{a.note ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
