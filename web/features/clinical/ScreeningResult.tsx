import type { ReactNode, Ref } from 'react';
import { Alert, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  INJECTING_ADVICE, INTERVENTION_LABELS, MAX_SCORE, SUBSTANCE_DEFINITIONS, SUBSTANCES, type Substance,
} from '../../../shared/instruments/assist.ts';
import { formatDate } from '../../app/format.ts';
import type { ScreeningRecord } from './api.ts';
import { RiskBadge } from './Badges.tsx';
import { useLabel } from './labels.ts';

/** The server-scored ASSIST result: per substance, the injecting advice, the overall risk and the decision deadline. */
export function ScreeningResult({ record, actions, headingRef }: { record: ScreeningRecord; actions?: ReactNode; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { result } = record;
  const q1 = (record.answers.q1 ?? {}) as Partial<Record<Substance, boolean>>;
  const used = SUBSTANCES.filter((s) => q1[s] === true);
  const notUsed = SUBSTANCES.filter((s) => q1[s] !== true);
  const needsAssessment = result.overall !== 'low';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`result-${record.id}`}>
      <Title order={2} size="h4" id={`result-${record.id}`} ref={headingRef} tabIndex={-1} mb="sm">
        {t('clinical.result.title')}
      </Title>
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Text fw={600}>{t('clinical.result.overall')}</Text>
          <RiskBadge risk={result.overall} size="lg" />
          {result.overallExcludes.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t('clinical.result.excludes', { list: result.overallExcludes.map((s) => label(SUBSTANCE_DEFINITIONS[s].label)).join(', ') })}
            </Text>
          ) : null}
        </Group>
        <Text size="sm">
          {needsAssessment ? t('clinical.result.nextAssessment') : t('clinical.result.nextEducation')}
        </Text>
        <Text fw={600}>
          {t('clinical.result.decisionDue', { date: formatDate(record.decisionDueOn) })}
        </Text>
        <Text size="xs" c="dimmed">{t('clinical.result.decisionDueHelp')}</Text>

        {result.injectingAdvice ? (
          <Alert color="red" variant="light" title={t('clinical.result.injectingTitle')} role="note">
            <Text size="sm">{label(INJECTING_ADVICE)}</Text>
          </Alert>
        ) : null}

        {used.length === 0 ? (
          <Text size="sm">{t('clinical.result.noneUsed')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label={t('clinical.result.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('clinical.result.substance')}</Table.Th>
                  <Table.Th scope="col">{t('clinical.result.score')}</Table.Th>
                  <Table.Th scope="col">{t('clinical.result.risk')}</Table.Th>
                  <Table.Th scope="col">{t('clinical.result.intervention')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {used.map((s) => {
                  const r = result.substances[s];
                  if (!r) return null;
                  return (
                    <Table.Tr key={s}>
                      <Table.Th scope="row" fw={500}>{label(SUBSTANCE_DEFINITIONS[s].label)}</Table.Th>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {t('clinical.result.scoreOf', { score: r.score, max: MAX_SCORE[s] })}
                      </Table.Td>
                      <Table.Td><RiskBadge risk={r.risk} size="sm" /></Table.Td>
                      <Table.Td><Text size="sm">{label(INTERVENTION_LABELS[r.intervention])}</Text></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {used.length > 0 && notUsed.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('clinical.result.notUsed', { list: notUsed.map((s) => label(SUBSTANCE_DEFINITIONS[s].label)).join('; ') })}
          </Text>
        ) : null}
        {actions ? <Group gap="sm" className="no-print">{actions}</Group> : null}
      </Stack>
    </Paper>
  );
}
