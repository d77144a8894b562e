import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeDirection } from '../../../shared/contracts/progress.ts';
import { formatNumber } from '../../app/format.ts';
import type { AssessmentComparison } from './api.ts';

const COLOR: Record<ChangeDirection, string | undefined> = { better: 'teal.9', worse: 'red.8', same: undefined };

/** One area's scores before and after, and the change (after − before) with what it means. */
interface AreaChange {
  before: number | null;
  after: number | null;
  change: number | null;
  direction: ChangeDirection | null;
}

/**
 * Before, after and the change per area, for the ASI composites (0–1) and the form's 0–9 grid.
 * The change is said with an arrow and in words, so colour is never the only sign.
 */
export function ComparisonTable({ comparison, programme, describedBy }: { comparison: AssessmentComparison; programme: string; describedBy?: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table captionSide="top" verticalSpacing={4} aria-describedby={describedBy} withTableBorder>
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('care.progress.comparison.caption', { programme, point: comparison.point })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('care.progress.comparison.area')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('care.progress.comparison.before')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('care.progress.comparison.after')}</Table.Th>
            <Table.Th scope="col">{t('care.progress.comparison.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <AreaGroup
          title={t('care.progress.comparison.composites')}
          rows={comparison.composites.map((c) => ({ ...c, label: t(`care.progress.comparison.compositeAreas.${c.area}`) }))}
          format={(n) => formatNumber(n, 3)}
        />
        <AreaGroup
          title={t('care.progress.comparison.severity')}
          rows={comparison.severity.map((s) => ({ ...s, label: t(`care.progress.comparison.severityAreas.${s.area}`) }))}
          format={(n) => formatNumber(n)}
        />
      </Table>
    </Table.ScrollContainer>
  );
}

/** A group of areas under its own heading row, their scores written by `format`. */
function AreaGroup({ title, rows, format }: { title: string; rows: (AreaChange & { area: string; label: string })[]; format: (n: number | null) => string }) {
  return (
    <Table.Tbody>
      <Table.Tr bg="gray.0">
        <Table.Th scope="colgroup" colSpan={4}>{title}</Table.Th>
      </Table.Tr>
      {rows.map((r) => (
        <Table.Tr key={r.area}>
          <Table.Th scope="row" fw={400}>{r.label}</Table.Th>
          <Table.Td ta="right">{format(r.before)}</Table.Td>
          <Table.Td ta="right">{format(r.after)}</Table.Td>
          <Table.Td><ChangeText change={r} format={format} /></Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

function ChangeText({ change: { change, direction }, format }: { change: AreaChange; format: (n: number | null) => string }) {
  const { t } = useTranslation();
  if (change === null || direction === null) return <Text size="sm" c="dimmed">— {t('care.progress.comparison.notComputed')}</Text>;
  const arrow = change < 0 ? '↓' : change > 0 ? '↑' : '=';
  return (
    <Text size="sm" c={COLOR[direction]} fw={direction === 'same' ? undefined : 600}>
      <span aria-hidden="true">{arrow} </span>
      {format(Math.abs(change))} {t(`care.progress.comparison.${direction}`)}
    </Text>
  );
}
