import { Badge, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../../shared/contracts/timetable.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { fetchPersonAttendance, wbpKeys } from './api.ts';

const STATUS_COLOR: Record<AttendanceStatus, string> = { present: 'teal.8', absent: 'red.8', excused: 'yellow.4' };

function clock(value: string, language: string): string {
  return language === 'en' ? value : value.replace(/^(\d{2}):(\d{2})$/, '$1.$2');
}

/** A person's attendance at programme sessions, newest first as the server sends it; for clinical roles only. */
export function AttendanceSection({ wbpId }: { wbpId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: wbpKeys.attendance(wbpId), queryFn: ({ signal }) => fetchPersonAttendance(wbpId, signal) });
  const summary = list.data?.summary;
  return (
    <Section
      id="attendance-heading"
      title={t('wbp.attendance.title')}
      mt="md"
      actions={
        summary ? (
          <Group gap="xs" aria-label={t('wbp.attendance.summaryLabel')} role="group">
            {(['present', 'absent', 'excused'] as const).map((st) => (
              <Badge key={st} color={STATUS_COLOR[st]} autoContrast variant="filled" tt="none" size="lg">
                {t(`attendance.status.${st}`)}: {formatNumber(summary[st])}
              </Badge>
            ))}
          </Group>
        ) : null
      }
    >
      <QueryView
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={<Text size="sm" c="dimmed">{t('wbp.attendance.empty')}</Text>}
      >
        {(data) => (
          <DataTable
            minWidth={720}
            striped
            fz="sm"
            aria-labelledby="attendance-heading"
            columns={[
              t('wbp.attendance.date'),
              t('wbp.attendance.time'),
              t('wbp.attendance.programme'),
              t('wbp.attendance.session'),
              t('wbp.attendance.status'),
              t('wbp.attendance.note'),
            ]}
          >
            <Table.Tbody>
              {data.items.map((a) => (
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
          </DataTable>
        )}
      </QueryView>
    </Section>
  );
}
