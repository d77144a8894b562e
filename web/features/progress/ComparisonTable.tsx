import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import type { AssessmentComparison } from './api.ts';

type Direction = 'better' | 'worse' | 'same' | null;

const COLOR = { better: 'teal.9', worse: 'red.8', same: undefined } as const;

/**
 * Before, after and the change per area, for the ASI composites (0–1) and the form's 0–9 grid.
 * The change is said with an arrow and in words, so colour is never the only sign.
 */
export function ComparisonTable({ comparison, programme, describedBy }: { comparison: AssessmentComparison; programme: string; describedBy?: string }) {
  const { t } = useTranslation();
  const composite = (n: number | null) => formatNumber(n, 3);
  const grid = (n: number | null) => formatNumber(n);

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
        <Table.Tbody>
          <GroupRow>{t('care.progress.comparison.composites')}</GroupRow>
          {comparison.composites.map((c) => (
            <Row
              key={c.area}
              label={t(`care.progress.comparison.compositeAreas.${c.area}`)}
              before={composite(c.before)}
              after={composite(c.after)}
              change={c.change === null ? null : composite(Math.abs(c.change))}
              sign={c.change}
              direction={c.direction}
            />
          ))}
        </Table.Tbody>
        <Table.Tbody>
          <GroupRow>{t('care.progress.comparison.severity')}</GroupRow>
          {comparison.severity.map((s) => (
            <Row
              key={s.area}
              label={t(`care.progress.comparison.severityAreas.${s.area}`)}
              before={grid(s.before)}
              after={grid(s.after)}
              change={s.change === null ? null : grid(Math.abs(s.change))}
              sign={s.change}
              direction={s.direction}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function GroupRow({ children }: { children: ReactNode }) {
  return (
    <Table.Tr bg="gray.0">
      <Table.Th scope="colgroup" colSpan={4}>{children}</Table.Th>
    </Table.Tr>
  );
}

function Row({ label, before, after, change, sign, direction }: {
  label: string; before: string; after: string; change: string | null; sign: number | null; direction: Direction;
}) {
  const { t } = useTranslation();
  let text: ReactNode;
  if (change === null || sign === null || direction === null) {
    text = <Text size="sm" c="dimmed">— {t('care.progress.comparison.notComputed')}</Text>;
  } else {
    const arrow = sign < 0 ? '↓' : sign > 0 ? '↑' : '=';
    text = (
      <Text size="sm" c={COLOR[direction]} fw={direction === 'same' ? undefined : 600}>
        <span aria-hidden="true">{arrow} </span>
        {change} {t(`care.progress.comparison.${direction}`)}
      </Text>
    );
  }
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>{label}</Table.Th>
      <Table.Td ta="right">{before}</Table.Td>
      <Table.Td ta="right">{after}</Table.Td>
      <Table.Td>{text}</Table.Td>
    </Table.Tr>
  );
}
