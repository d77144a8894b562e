import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fetchProgramme, fetchRoster, placementKeys, type EnrolmentRecord } from './api.ts';
import { ClassBadge } from './ClassBadge.tsx';

/** A programme's members and its waitlist in order; printable for the team's meeting. */
export function RosterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const programme = useQuery({ queryKey: placementKeys.programme(id), queryFn: ({ signal }) => fetchProgramme(id, signal) });
  const roster = useQuery({ queryKey: placementKeys.roster(id), queryFn: ({ signal }) => fetchRoster(id, signal) });

  const items = roster.data ?? [];
  const active = items.filter((e) => e.status === 'active').sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.fullName.localeCompare(b.fullName, 'id'));
  const waiting = items.filter((e) => e.status === 'waitlisted').sort((a, b) => (a.waitlistPosition ?? 1e9) - (b.waitlistPosition ?? 1e9));
  const name = programme.data?.name ?? t('placement.roster.programme');
  const capacity = programme.data?.capacity;

  return (
    <>
      <PageTitle
        title={t('placement.roster.title', { name })}
        subtitle={
          capacity !== undefined
            ? t('placement.roster.subtitle', { active: formatNumber(active.length), capacity: formatNumber(capacity), waiting: formatNumber(waiting.length) })
            : undefined
        }
        actions={
          <>
            <Button variant="default" component={Link} to="/program">{t('placement.roster.back')}</Button>
            {items.length > 0 ? <Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button> : null}
          </>
        }
      />
      <Text className="print-only" size="sm" mb="sm">
        {t('placement.roster.printHeading', { date: formatDateTime(new Date().toISOString()) })}
      </Text>
      <ErrorAlert error={programme.error} />
      <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />
      {roster.isPending ? (
        <Loading />
      ) : roster.data ? (
        <>
          <RosterList
            id="roster-active"
            mt="md"
            title={t('placement.roster.activeTitle', { count: active.length })}
            emptyTitle={t('placement.roster.activeEmpty')}
            count={active.length}
            minWidth={640}
            columns={[t('placement.person'), t('placement.finalClass'), t('placement.roster.start'), t('placement.roster.expectedEnd'), t('placement.roster.expectedRelease')]}
          >
            {active.map((e) => (
              <Table.Tr key={e.id}>
                <PersonCell e={e} />
                <Table.Td><ClassBadge value={e.finalClass} /></Table.Td>
                <Table.Td>{formatDate(e.startDate)}</Table.Td>
                <Table.Td>{formatDate(e.expectedEndDate)}</Table.Td>
                <Table.Td>{formatDate(e.expectedReleaseDate)}</Table.Td>
              </Table.Tr>
            ))}
          </RosterList>
          <RosterList
            id="roster-waiting"
            title={t('placement.roster.waitlistTitle', { count: waiting.length })}
            help={t('placement.roster.waitlistHelp')}
            emptyTitle={t('placement.roster.waitlistEmpty')}
            count={waiting.length}
            minWidth={760}
            columns={[
              t('placement.roster.position'), t('placement.person'), t('placement.finalClass'), t('placement.roster.severity'),
              t('placement.roster.expectedRelease'), t('placement.roster.decidedOn'),
            ]}
          >
            {waiting.map((e) => (
              <Table.Tr key={e.id} style={e.cannotFinishReason ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                <Table.Td fw={700}>{e.waitlistPosition ?? '—'}</Table.Td>
                <PersonCell e={e} />
                <Table.Td><ClassBadge value={e.finalClass} /></Table.Td>
                <Table.Td>{e.napzaSeverity ?? '—'}</Table.Td>
                <Table.Td>{formatDate(e.expectedReleaseDate)}</Table.Td>
                <Table.Td>{formatDate(e.decidedOn)}</Table.Td>
              </Table.Tr>
            ))}
          </RosterList>
        </>
      ) : null}
    </>
  );
}

/** One list of the roster under its heading, or what stands in its place when nobody is on it. */
function RosterList({ id, mt = 'xl', title, help, emptyTitle, count, minWidth, columns, children }: {
  id: string;
  mt?: 'md' | 'xl';
  title: string;
  help?: string;
  emptyTitle: string;
  count: number;
  minWidth: number;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <>
      <Title order={2} size="h3" mt={mt} mb="xs" id={id}>{title}</Title>
      {help ? <Text size="sm" c="dimmed" mb="xs">{help}</Text> : null}
      {count === 0 ? (
        <EmptyState title={emptyTitle} />
      ) : (
        <DataTable minWidth={minWidth} striped fz="sm" aria-labelledby={id} columns={columns}>
          <Table.Tbody>{children}</Table.Tbody>
        </DataTable>
      )}
    </>
  );
}

function PersonCell({ e }: { e: EnrolmentRecord }) {
  const { t } = useTranslation();
  return (
    <Table.Th scope="row" fw={500}>
      <Anchor component={Link} to={`/wbp/${e.wbpId}`}>{e.fullName}</Anchor>
      <Text size="xs" c="dimmed">{t('placement.sdp', { number: e.sdpNumber })}</Text>
      {e.cannotFinishReason ? (
        <Badge color="red.8" variant="filled" tt="none" mt={4} style={{ whiteSpace: 'normal', height: 'auto' }}>
          {t('placement.cannotFinish', { reason: e.cannotFinishReason })}
        </Badge>
      ) : null}
    </Table.Th>
  );
}
