import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FunnelStage, Indicators } from '../../../shared/contracts/reports.ts';
import { formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { counter, rateText, type UnitRow } from './figures.ts';


/**
 * The headline figures of each unit of a region or of the nation, and their sum: aggregates only,
 * never a person. Suppressed counts read "<5".
 */
export function UnitTable({ id, units, totals, threshold }: { id: string; units: readonly UnitRow[]; totals: Indicators; threshold: number | null }) {
  const { t } = useTranslation();
  const fmt = (n: number) => formatNumber(n);
  const rate = (v: number | null) => rateText(v, fmt);
  const cells = (ind: Indicators) => {
    const count = counter(ind, threshold, fmt);
    const stage = (name: FunnelStage) => {
      const found = ind.funnel.find((f) => f.stage === name);
      return found ? count(found.count, `funnel.${name}`) : '—';
    };
    return [
      count(ind.occupancy.held, 'occupancy.held'),
      formatNumber(ind.occupancy.capacity),
      rate(ind.occupancy.rate),
      stage('drugCases'),
      stage('screened'),
      stage('assessed'),
      stage('enrolled'),
      ind.waiting.medianDays === null ? '—' : formatNumber(ind.waiting.medianDays, 1),
      count(ind.waiting.overdueNow, 'waiting.overdueNow'),
      rate(ind.attendance.rate),
      rate(ind.urine.rate),
      count(ind.completion.completed, 'completion.completed'),
      count(ind.completion.dropped, 'completion.dropped'),
    ];
  };
  const columns = [
    'held', 'capacity', 'occupancyRate', 'drugCases', 'screened', 'assessed', 'enrolled',
    'medianDays', 'overdueNow', 'attendanceRate', 'urineRate', 'completed', 'dropped',
  ] as const;
  return (
    <section aria-labelledby={id} className="dashboard-units">
      <Title order={2} size="h4" id={id} mb="xs">{t('dashboard.table.title')}</Title>
      <DataTable
        minWidth={1280}
        striped
        aria-labelledby={id}
        fz="sm"
        columns={[t('dashboard.table.unit'), ...columns.map((c) => ({ label: t(`dashboard.table.${c}`), align: 'right' as const }))]}
      >
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Th scope="row" fw={500}>
                {u.name} <Text span size="xs" c="dimmed">({u.code})</Text>
              </Table.Th>
              {cells(u.indicators).map((c, i) => <Table.Td key={i} ta="right">{c}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('dashboard.table.total')}</Table.Th>
            {cells(totals).map((c, i) => <Table.Td key={i} ta="right" fw={700}>{c}</Table.Td>)}
          </Table.Tr>
        </Table.Tfoot>
      </DataTable>
    </section>
  );
}
