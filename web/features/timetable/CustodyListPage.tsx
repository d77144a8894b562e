import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fetchCustodyList, timetableKeys } from './api.ts';
import { DayControls, useDayParams } from './DayControls.tsx';
import { formatLongDate, timeText } from './labels.ts';

/** The custody officers' list for one day: who is brought to which room, when. No clinical word on it. */
export function CustodyListPage() {
  const { t } = useTranslation();
  const { facility, date } = useDayParams('timetable.custody');
  const facilityId = facility?.id ?? '';
  const list = useQuery({
    queryKey: timetableKeys.custody(facilityId, date),
    queryFn: ({ signal }) => fetchCustodyList(facilityId, date, signal),
    enabled: facility !== null,
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('timetable.custody.title')} />
        <EmptyState title={t('timetable.noFacilityTitle')} description={t('timetable.noFacilityHelp')} />
      </>
    );
  }

  const unit = list.data?.facilityName ?? facility.name;
  const rows = list.data?.rows ?? [];
  return (
    <>
      <PageTitle title={t('timetable.custody.title')} subtitle={t('timetable.custody.subtitle', { unit, date: formatLongDate(date) })} />
      <DayControls canPrint={rows.length > 0} permission="timetable.custody" />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : !list.data ? null : rows.length === 0 ? (
        <EmptyState title={t('timetable.custody.emptyTitle')} description={t('timetable.custody.emptyHelp', { date: formatLongDate(date) })} />
      ) : (
        <>
          <Text size="sm" mb="xs">{t('timetable.custody.count', { count: rows.length, formatted: formatNumber(rows.length) })}</Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder fz="sm" verticalSpacing="xs">
              <caption className="visually-hidden">{t('timetable.custody.caption', { unit, date: formatLongDate(date) })}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('timetable.time')}</Table.Th>
                  <Table.Th scope="col">{t('timetable.room')}</Table.Th>
                  <Table.Th scope="col">{t('timetable.custody.name')}</Table.Th>
                  <Table.Th scope="col">{t('timetable.custody.sdpNumber')}</Table.Th>
                  <Table.Th scope="col">{t('timetable.custody.block')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={`${r.sdpNumber}-${r.start}-${i}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{timeText(r.start, r.end)}</Table.Td>
                    <Table.Td>{r.roomName}</Table.Td>
                    <Table.Th scope="row" fw={500}>{r.fullName}</Table.Th>
                    <Table.Td><Text span size="sm" ff="monospace">{r.sdpNumber}</Text></Table.Td>
                    <Table.Td>{r.block ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Text className="print-only" size="xs" mt="md">{t('timetable.printedAt', { date: formatDateTime(new Date().toISOString()) })}</Text>
    </>
  );
}
