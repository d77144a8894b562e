import { Badge, Button, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth, useUser } from '../../app/auth.tsx';
import { formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fetchOverview, type FacilityStats } from './api.ts';
import { AgreementAlerts } from './AgreementAlerts.tsx';

function percent(part: number, whole: number | null): number | null {
  return whole && whole > 0 ? (part / whole) * 100 : null;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const overview = useQuery({ queryKey: ['stats', 'overview'], queryFn: ({ signal }) => fetchOverview(signal) });

  const facilities = [...(overview.data ?? [])].sort((a, b) => (percent(b.held, b.capacity) ?? -1) - (percent(a.held, a.capacity) ?? -1));
  const held = facilities.reduce((s, f) => s + f.held, 0);
  const drugCases = facilities.reduce((s, f) => s + f.drugCases, 0);
  const withCapacity = facilities.filter((f) => f.capacity !== null);
  const capacity = withCapacity.reduce((s, f) => s + (f.capacity ?? 0), 0);
  const heldWhereCapacityKnown = withCapacity.reduce((s, f) => s + f.held, 0);
  const over = facilities.filter((f) => f.capacity !== null && f.held > f.capacity).length;

  return (
    <>
      <PageTitle
        title={t('dashboard.title')}
        subtitle={user.organization.name}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      {can('agreement.read') ? <AgreementAlerts /> : null}
      <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      {overview.isPending ? (
        <Loading />
      ) : overview.data && facilities.length === 0 ? (
        <EmptyState title={t('dashboard.empty')} description={t('dashboard.emptyHelp')} />
      ) : overview.data ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
            <Stat label={t('dashboard.held')} value={formatNumber(held)} />
            <Stat
              label={t('dashboard.occupancy')}
              value={capacity > 0 ? `${formatNumber(percent(heldWhereCapacityKnown, capacity), 0)}%` : '—'}
              hint={capacity > 0 ? t('dashboard.ofCapacity', { capacity: formatNumber(capacity) }) : undefined}
            />
            <Stat label={t('dashboard.drugCases')} value={formatNumber(drugCases)} hint={held > 0 ? `${formatNumber(percent(drugCases, held), 0)}%` : undefined} />
            <Stat label={t('dashboard.overCapacity')} value={`${formatNumber(over)} / ${formatNumber(facilities.length)}`} />
          </SimpleGrid>
          <FacilityTable facilities={facilities} />
        </>
      ) : null}
    </>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700}>{value}</Text>
      {hint ? <Text size="xs" c="dimmed">{hint}</Text> : null}
    </Paper>
  );
}

function FacilityTable({ facilities }: { facilities: FacilityStats[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={760}
      striped
      aria-label={t('dashboard.tableLabel')}
      columns={[
        t('dashboard.facility'),
        t('dashboard.kind'),
        ...(['capacity', 'held', 'occupancy', 'drugCases', 'drugShare'] as const).map((k) => ({ label: t(`dashboard.${k}`), align: 'right' as const })),
      ]}
    >
      <Table.Tbody>
        {facilities.map((f) => {
          const occ = percent(f.held, f.capacity);
          return (
            <Table.Tr key={f.id}>
              <Table.Th scope="row" fw={500}>
                {f.name} <Text span size="xs" c="dimmed">({f.code})</Text>
              </Table.Th>
              <Table.Td>{t(`orgKind.${f.kind}`)}</Table.Td>
              <Table.Td ta="right">{formatNumber(f.capacity)}</Table.Td>
              <Table.Td ta="right">{formatNumber(f.held)}</Table.Td>
              <Table.Td ta="right">
                {occ === null ? '—' : `${formatNumber(occ, 0)}%`}
                {occ !== null && occ > 100 ? <Badge color="red" variant="light" ml={6}>{t('dashboard.over')}</Badge> : null}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(f.drugCases)}</Table.Td>
              <Table.Td ta="right">{f.held > 0 ? `${formatNumber(percent(f.drugCases, f.held), 0)}%` : '—'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </DataTable>
  );
}
