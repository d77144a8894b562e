import type { ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';
import { BarChart, type ChartReferenceLineProps } from '@mantine/charts';
import type { MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chartSummary, leftOut, plotted, type Figure, type Missing } from './figures.ts';

/** A titled part of the dashboard holding one chart, its note and its text alternative. */
export function ChartPanel({ id, title, help, children }: { id: string; title: string; help?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} className="dashboard-panel">
      <Title order={3} size="h5" id={id}>{title}</Title>
      {help ? <Text size="xs" c="dimmed" mb="xs">{help}</Text> : null}
      {children}
    </Paper>
  );
}

/**
 * What a chart could not draw: the figures suppressed (1 to 4, shown as "<5"), those withheld with
 * them ("x") and those without a number. Drawing them as zero would misstate them, so they are named here and kept in the table.
 */
export function LeftOutNote({ missing, threshold }: { missing: Record<Missing, readonly string[]>; threshold: number | null }) {
  const { t } = useTranslation();
  const { suppressed, withheld, none } = missing;
  if (suppressed.length === 0 && withheld.length === 0 && none.length === 0) return null;
  return (
    <>
      {suppressed.length > 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('dashboard.chart.leftOutSuppressed', { names: suppressed.join(', '), threshold: threshold ?? '' })}
        </Text>
      ) : null}
      {withheld.length > 0 ? <Text size="xs" c="dimmed" mt={4}>{t('dashboard.chart.leftOutWithheld', { names: withheld.join(', ') })}</Text> : null}
      {none.length > 0 ? <Text size="xs" c="dimmed" mt={4}>{t('dashboard.chart.leftOutNone', { names: none.join(', ') })}</Text> : null}
    </>
  );
}

/**
 * The numbers of a chart as a table for screen readers (the chart itself is a picture), every
 * figure included, suppressed ones as "<5".
 */
export function FiguresTable({ caption, columns, rows }: {
  caption: string;
  columns: readonly [string, ...string[]];
  rows: readonly { key: string; cells: readonly [string, ...string[]] }[];
}) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.cells[0]}</th>
            {r.cells.slice(1).map((c, i) => <td key={i}>{c}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One series of figures as bars, each labelled with its number; figures without a number are left
 * out of the drawing and named below it. `horizontal` lays the bars along the value axis (long
 * labels such as unit names read better down the side).
 */
export function FigureChart({
  id, title, help, figures, valueLabel, threshold, format, color = 'teal.7', horizontal = false,
  maxValue, referenceLines, barColor,
}: {
  id: string;
  title: string;
  help?: ReactNode;
  figures: readonly Figure[];
  /** What the numbers are ("Orang", "Median hari kerja"), the table's column and the tooltip's name. */
  valueLabel: string;
  threshold: number | null;
  format: (value: number) => string;
  color?: MantineColor;
  horizontal?: boolean;
  /** The least top of the value axis, so a reference line (the standard) is always in view. */
  maxValue?: number;
  referenceLines?: ChartReferenceLineProps[];
  barColor?: (value: number) => MantineColor;
}) {
  const { t } = useTranslation();
  const drawn = plotted(figures);
  const missing = leftOut(figures);
  const data = drawn.map((f) => ({ label: f.label, value: f.value ?? 0 }));
  const labelWidth = Math.min(240, Math.max(90, ...drawn.map((f) => f.label.length * 7.5)));
  const domain: [number, (dataMax: number) => number] = [0, (dataMax) => Math.max(dataMax, maxValue ?? 0)];
  return (
    <ChartPanel id={id} title={title} help={help}>
      {drawn.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">{t('dashboard.chart.nothingToDraw')}</Text>
      ) : (
        <div role="img" aria-label={chartSummary(title, figures)} className="dashboard-chart">
          <BarChart
            h={horizontal ? Math.max(140, drawn.length * 34 + 40) : 240}
            data={data}
            dataKey="label"
            orientation={horizontal ? 'vertical' : 'horizontal'}
            series={[{ name: 'value', label: valueLabel, color }]}
            valueFormatter={format}
            withBarValueLabel
            withTooltip={false}
            gridAxis={horizontal ? 'y' : 'x'}
            referenceLines={referenceLines}
            getBarColor={barColor}
            xAxisProps={horizontal ? { domain } : { interval: 0, tick: { fontSize: 11, fill: 'currentColor' } }}
            yAxisProps={horizontal ? { width: labelWidth, interval: 0 } : { domain }}
            barChartProps={{ accessibilityLayer: false, margin: { right: 40, top: 16 } }}
          />
        </div>
      )}
      <LeftOutNote missing={missing} threshold={threshold} />
      <FiguresTable
        caption={title}
        columns={[t('dashboard.chart.item'), valueLabel]}
        rows={figures.map((f) => ({ key: f.key, cells: [f.label, f.text] }))}
      />
    </ChartPanel>
  );
}
