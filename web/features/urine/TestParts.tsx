import { Badge, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { URINE_PANEL, type UrineOutcome, type UrineRates, type UrineStatus, stepsFrom } from '../../../shared/domain/urine.ts';
import { formatDate, formatDateTime, formatNumber, withSubject } from '../../app/format.ts';
import type { StepName, UrineTest } from './api.ts';

const STATUS_COLOR: Record<UrineStatus, string> = {
  planned: 'gray.7', collected: 'blue.8', sent: 'indigo.8', received: 'violet.8', resulted: 'teal.8', refused: 'orange.9', cancelled: 'gray.6',
};
const OUTCOME_COLOR: Record<UrineOutcome, string> = { negative: 'teal.8', positive: 'red.8', invalid: 'orange.9' };

export function StatusBadge({ status }: { status: UrineStatus }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status]} variant="light" tt="none">{t(`care.urine.status.${status}`)}</Badge>;
}

export function OutcomeBadge({ outcome }: { outcome: UrineOutcome }) {
  const { t } = useTranslation();
  return <Badge color={OUTCOME_COLOR[outcome]} variant="filled" autoContrast tt="none">{t(`care.urine.outcome.${outcome}`)}</Badge>;
}

/** Where a test stands: its result when it has one, else its stage. */
export function TestState({ test }: { test: UrineTest }) {
  return test.status === 'resulted' && test.outcome ? <OutcomeBadge outcome={test.outcome} /> : <StatusBadge status={test.status} />;
}

/** "Positive: Opiates · Invalid: Alcohol", or "Negative for every substance". */
export function ResultsSummary({ test }: { test: UrineTest }) {
  const { t } = useTranslation();
  if (!test.results) return <>—</>;
  const results = test.results;
  const named = (outcome: UrineOutcome) => URINE_PANEL.filter((s) => results[s] === outcome).map((s) => t(`care.urine.substance.${s}`)).join(', ');
  const positive = named('positive');
  const invalid = named('invalid');
  if (!positive && !invalid) return <Text size="sm">{t('care.urine.results.allNegative')}</Text>;
  return (
    <Stack gap={0}>
      {positive ? <Text size="sm" fw={600}>{t('care.urine.results.positiveFor', { list: positive })}</Text> : null}
      {invalid ? <Text size="sm">{t('care.urine.results.invalidFor', { list: invalid })}</Text> : null}
    </Stack>
  );
}

/** The chain of custody of one test, step by step, with who and when. */
export function ChainOfCustody({ test, retestOfDate }: { test: UrineTest; retestOfDate?: string | null }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (test.retestOf && retestOfDate) lines.push(t('care.urine.chain.retestOf', { date: formatDate(retestOfDate) }));
  if (test.collectedAt) {
    lines.push(t('care.urine.chain.collected', {
      date: formatDateTime(test.collectedAt), by: test.collectedBy ?? '—', observer: test.observedBy?.name ?? '—', seal: test.sealNumber ?? '—',
    }));
  }
  if (test.sentAt) lines.push(t('care.urine.chain.sent', { to: test.sentTo ?? '—', date: formatDateTime(test.sentAt) }));
  if (test.receivedAt) lines.push(t('care.urine.chain.received', { by: test.receivedBy ?? '—', date: formatDateTime(test.receivedAt) }));
  if (test.closedAt && (test.status === 'resulted' || test.status === 'refused' || test.status === 'cancelled')) {
    lines.push(t(`care.urine.chain.${test.status}`, { date: formatDateTime(test.closedAt), by: test.closedBy ?? '—' }));
  }
  if (lines.length === 0) lines.push(t('care.urine.chain.planned', { by: test.createdBy }));
  if (test.note) lines.push(t('care.urine.chain.note', { note: test.note }));
  if (test.retests.length > 0) lines.push(t('care.urine.chain.retests', { count: test.retests.length }));
  return (
    <List size="sm" spacing={2} listStyleType="none">
      {lines.map((line, i) => <List.Item key={i}>{line}</List.Item>)}
    </List>
  );
}

/** The next steps of a test's chain of custody, each opening its dialog; each button's name says whose test it is. */
export function StepButtons({ test, onStep }: { test: UrineTest; onStep: (step: StepName, from: HTMLElement) => void }) {
  const { t } = useTranslation();
  const steps = stepsFrom(test.status);
  if (steps.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" className="no-print">
      {steps.map((step) => (
        <Button
          key={step}
          size="compact-sm"
          variant={step === 'refuse' || step === 'cancel' ? 'subtle' : step === 'collect' || step === 'result' ? 'filled' : 'light'}
          color={step === 'refuse' || step === 'cancel' ? 'red' : undefined}
          aria-label={withSubject(t(`care.urine.step.${step}`), test.fullName)}
          onClick={(e) => onStep(step, e.currentTarget)}
        >
          {t(`care.urine.step.${step}`)}
        </Button>
      ))}
    </Group>
  );
}

/** A positive rate as a percentage, or a dash when nothing has a result. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${formatNumber(rate * 100, 1)}%`;
}

/** One set of rates as labelled figures. */
export function RatesFigures({ rates }: { rates: UrineRates }) {
  const { t } = useTranslation();
  const items: [string, string][] = [
    [t('care.urine.rates.tested'), formatNumber(rates.tested)],
    [t('care.urine.rates.resulted'), formatNumber(rates.resulted)],
    [t('care.urine.rates.positive'), formatNumber(rates.positive)],
    [t('care.urine.rates.negative'), formatNumber(rates.negative)],
    [t('care.urine.rates.invalid'), formatNumber(rates.invalid)],
    [t('care.urine.rates.refused'), formatNumber(rates.refused)],
    [t('care.urine.rates.positiveRate'), rateText(rates.positiveRate)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }} spacing="sm" component="dl" m={0}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">{label}</Text>
          <Text component="dd" m={0} fw={700} size="lg">{value}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
