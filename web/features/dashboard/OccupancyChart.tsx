import { Text } from '@mantine/core';
import { BarChart, CompositeChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { ChartPanel, FiguresTable, LeftOutNote } from './FigureChart.tsx';
import { countText, isWithheld, occupancyRows, rateText, type UnitRow } from './figures.ts';

/**
 * People held in each unit against its capacity: the head count as bars, the capacity as a stepped
 * line, level over each unit's bar (for one unit, a reference line). Units without a head count to show are named
 * below the chart, never drawn as empty.
 */
export function OccupancyChart({ id, units, threshold }: { id: string; units: readonly UnitRow[]; threshold: number | null }) {
  const { t } = useTranslation();
  const title = t('dashboard.charts.occupancy');
  const { rows, missing } = occupancyRows(units, threshold);
  const fmt = (n: number) => formatNumber(n);
  const summary = `${title}: ${rows
    .map((r) => t('dashboard.chart.occupancyItem', { unit: r.label, held: fmt(r.held), capacity: formatNumber(r.capacity) }))
    .join('; ')}`;
  const single = rows.length === 1 ? rows[0] : undefined;
  const capacityLabel = t('dashboard.figures.capacity');
  const heldLabel = t('dashboard.figures.held');
  return (
    <ChartPanel id={id} title={title} help={t('dashboard.charts.occupancyHelp')}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">{t('dashboard.chart.nothingToDraw')}</Text>
      ) : single ? (
        <div role="img" aria-label={summary} className="dashboard-chart">
          <BarChart
            h={240}
            data={[{ label: single.label, held: single.held }]}
            dataKey="label"
            series={[{ name: 'held', label: heldLabel, color: 'teal.7' }]}
            valueFormatter={fmt}
            withBarValueLabel
            withTooltip={false}
            maxBarWidth={120}
            referenceLines={single.capacity === null ? [] : [{ y: single.capacity, label: `${capacityLabel} ${fmt(single.capacity)}`, color: 'red.7', labelPosition: 'insideTopRight' }]}
            yAxisProps={{ domain: [0, (dataMax: number) => Math.max(dataMax, single.capacity ?? 0)] }}
            barChartProps={{ accessibilityLayer: false, margin: { top: 16 } }}
          />
        </div>
      ) : (
        <div role="img" aria-label={summary} className="dashboard-chart">
          <CompositeChart
            h={260}
            data={rows.map((r) => ({ label: r.label, held: r.held, capacity: r.capacity }))}
            dataKey="label"
            series={[
              { name: 'held', label: heldLabel, color: 'teal.7', type: 'bar' },
              { name: 'capacity', label: capacityLabel, color: 'red.7', type: 'line', strokeDasharray: '6 4' },
            ]}
            valueFormatter={fmt}
            withLegend
            withTooltip={false}
            withBarValueLabel
            connectNulls={false}
            curveType="step"
            maxBarWidth={60}
            xAxisProps={{ interval: 0, tick: { fontSize: 11, fill: 'currentColor' } }}
            composedChartProps={{ accessibilityLayer: false, margin: { top: 16 } }}
          />
        </div>
      )}
      <LeftOutNote missing={missing} threshold={threshold} />
      <FiguresTable
        caption={title}
        columns={[t('dashboard.table.unit'), heldLabel, capacityLabel, t('dashboard.figures.occupancyRate')]}
        rows={units.map((u) => ({
          key: u.id,
          cells: [
            u.name,
            countText(u.indicators.occupancy.held, threshold, fmt, isWithheld(u.indicators, 'occupancy.held')),
            formatNumber(u.indicators.occupancy.capacity),
            rateText(u.indicators.occupancy.rate, fmt),
          ],
        }))}
      />
    </ChartPanel>
  );
}
