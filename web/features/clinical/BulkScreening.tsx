import { useEffect, useRef, useState, type Ref } from 'react';
import { Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { ScreeningRecord, WorklistItem } from './api.ts';
import { RiskBadge } from './Badges.tsx';
import { ScreeningForm } from './ScreeningForm.tsx';
import { ScreeningResult } from './ScreeningResult.tsx';
import { StartAssessmentButton } from './StartAssessmentButton.tsx';

interface Done {
  item: WorklistItem;
  record: ScreeningRecord | null;
}

/**
 * A screening session: the form for one person after another, without going back to the list.
 * Save shows the result; "Berikutnya" opens the next person's form. People can be skipped.
 */
export function BulkScreening({ items, onExit }: { items: WorklistItem[]; onExit: () => void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [current, setCurrent] = useState<ScreeningRecord | null>(null);
  const [done, setDone] = useState<Done[]>([]);
  const [finished, setFinished] = useState(false);
  const personHeading = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);

  const item = items[index];
  const total = items.length;

  // Keyboard and screen-reader users land where the work continues.
  useEffect(() => {
    if (finished) summaryHeading.current?.focus();
    else if (current) nextButton.current?.focus();
    else personHeading.current?.focus();
  }, [index, current, finished]);

  const advance = () => {
    setCurrent(null);
    if (index + 1 >= total) setFinished(true);
    else setIndex(index + 1);
  };
  const skip = () => {
    if (item) setDone((d) => [...d, { item, record: null }]);
    advance();
  };
  const saved = (record: ScreeningRecord) => {
    if (item) setDone((d) => [...d, { item, record }]);
    setCurrent(record);
  };

  if (finished || !item) {
    return <SessionSummary done={done} total={total} onExit={onExit} headingRef={summaryHeading} />;
  }

  const position = index + 1;
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" className="no-print">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text fw={600} aria-live="polite">{t('clinical.session.progress', { current: position, total })}</Text>
          <Button variant="subtle" size="xs" onClick={() => setFinished(true)}>
            {t('clinical.session.end')}
          </Button>
        </Group>
        <Progress value={(index / total) * 100} mt="xs" aria-label={t('clinical.session.progress', { current: position, total })} />
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h3" ref={personHeading} tabIndex={-1}>
          {item.fullName}
        </Title>
        <Group gap="md" mt={4} wrap="wrap">
          <Text size="sm" ff="monospace">{item.sdpNumber}</Text>
          <Text size="sm">{t('wbp.blockRoom')}: {[item.block, item.room].filter(Boolean).join(' / ') || '—'}</Text>
          <Text size="sm">{t('wbp.admissionDate')}: {formatDate(item.admissionDate)}</Text>
          <Text size="sm">{item.facilityName}</Text>
          {item.drugCase ? <Badge color="grape.9" variant="outline" tt="none">{t('clinical.worklist.drugCase')}</Badge> : null}
        </Group>
      </Paper>

      {current ? (
        <ScreeningResult
          record={current}
          actions={
            <>
              <Button ref={nextButton} onClick={advance}>
                {position >= total ? t('clinical.session.finish') : t('clinical.session.next')}
              </Button>
              {current.result.overall !== 'low' ? (
                <Text size="sm" c="dimmed">{t('clinical.session.assessLater')}</Text>
              ) : null}
            </>
          }
        />
      ) : (
        <ScreeningForm
          key={item.wbpId}
          wbpId={item.wbpId}
          formId={`assist-${position}`}
          onSaved={saved}
          secondaryActions={
            <Button variant="default" onClick={skip}>
              {t('clinical.session.skip')}
            </Button>
          }
        />
      )}
    </Stack>
  );
}

function SessionSummary({ done, total, onExit, headingRef }: {
  done: Done[]; total: number; onExit: () => void; headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const screened = done.filter((d) => d.record);
  const skipped = done.length - screened.length;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1} mb="xs">
        {t('clinical.session.summaryTitle')}
      </Title>
      <Text mb="md">
        {t('clinical.session.summary', { screened: screened.length, skipped, notReached: total - done.length })}
      </Text>
      {screened.length > 0 ? (
        <DataTable
          minWidth={600}
          aria-label={t('clinical.session.summaryTable')}
          columns={[t('wbp.fullName'), t('clinical.result.overall'), t('clinical.page.dueOn'), { label: t('common.actions'), hidden: true }]}
        >
          <Table.Tbody>
            {screened.map(({ item, record }) => (
              <Table.Tr key={item.wbpId}>
                <Table.Td>{item.fullName}</Table.Td>
                <Table.Td>{record ? <RiskBadge risk={record.result.overall} size="sm" /> : null}</Table.Td>
                <Table.Td>{record ? formatDate(record.decisionDueOn) : '—'}</Table.Td>
                <Table.Td>
                  {record && record.result.overall !== 'low' && can('assessment.write', item.facilityId) ? (
                    <StartAssessmentButton
                      wbpId={item.wbpId}
                      screeningId={record.id}
                      size="xs"
                      variant="light"
                      aria-label={t('clinical.startAssessmentFor', { name: item.fullName })}
                    />
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      ) : null}
      <Button mt="md" onClick={onExit}>
        {t('clinical.backToWorklist')}
      </Button>
    </Paper>
  );
}
