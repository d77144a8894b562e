import { useState } from 'react';
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReassessmentStatus } from '../../../shared/contracts/progress.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, formatTimestampDate } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { startReassessment, type EnrolmentProgress } from './api.ts';
import { ComparisonTable } from './ComparisonTable.tsx';

const STATUS_COLOR: Record<ReassessmentStatus, string> = {
  done: 'teal.8', upcoming: 'gray.7', due: 'orange.8', overdue: 'red.8', closed: 'gray.6',
};

/** The re-assessment points of an enrolment, the way to start the next one, and each signed one compared with the baseline. */
export function ReassessmentPanel({ enrolment: e, wbpId, facilityId }: { enrolment: EnrolmentProgress; wbpId: string; facilityId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const headingId = `reassessment-${e.enrolmentId}`;
  const startable = e.startDate !== null && (e.status === 'active' || e.status === 'completed');
  const open = e.reassessments.filter((r) => r.status !== 'done' && r.status !== 'closed');
  const [chosen, setChosen] = useState<number | null>(null);
  const point = chosen !== null && open.some((r) => r.point === chosen) ? chosen : open[0]?.point ?? null;

  const start = useMutation({
    mutationFn: (p: number) => startReassessment(e.enrolmentId, p),
    onSuccess: (started) => {
      // The new draft joins the person's assessments; its point leaves the task list.
      invalidateCareRecord(queryClient, wbpId, 'progress', 'assessments', 'tasks');
      navigate(`/asesmen/${started.assessmentId}`);
    },
  });

  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId} mb={4}>{t('care.progress.reassessment.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">{t('care.progress.reassessment.help')}</Text>
      <DataTable
        minWidth={520}
        aria-label={t('care.progress.reassessment.tableLabel', { programme: e.programmeName })}
        columns={[
          t('care.progress.reassessment.point'),
          t('care.progress.reassessment.dueOn'),
          t('care.progress.reassessment.status'),
          { label: t('common.actions'), hidden: true, className: 'no-print' },
        ]}
      >
        <Table.Tbody>
          {e.reassessments.map((r) => (
            <Table.Tr key={r.point}>
              <Table.Td>{t('care.progress.reassessment.pointValue', { point: r.point })}</Table.Td>
              <Table.Td>{formatDate(r.dueOn)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Badge color={STATUS_COLOR[r.status]} variant={r.status === 'done' ? 'filled' : 'light'} tt="none">
                    {t(`care.progress.reassessment.statuses.${r.status}`)}
                  </Badge>
                  {r.assessmentStatus === 'draft' ? <Text size="xs">{t('care.progress.reassessment.draft')}</Text> : null}
                  {r.signedAt && r.assessmentStatus === 'signed' ? (
                    <Text size="xs" c="dimmed">{t('care.progress.reassessment.signedOn', { date: formatTimestampDate(r.signedAt) })}</Text>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td className="no-print">
                {r.assessmentId ? (
                  <Anchor component={Link} to={`/asesmen/${r.assessmentId}`} size="sm" aria-label={t('care.progress.reassessment.openFor', { point: r.point })}>
                    {t('care.progress.reassessment.open')}
                  </Anchor>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>

      {can('assessment.write', facilityId) && startable ? (
        open.length === 0 ? (
          <Text size="sm" mt="xs" c="dimmed">{t('care.progress.reassessment.allDone')}</Text>
        ) : (
          <Group mt="sm" align="flex-end" gap="xs" className="no-print">
            {open.length > 1 ? (
              <NativeSelect
                id={`reassessment-point-${e.enrolmentId}`}
                label={t('care.progress.reassessment.choosePoint')}
                value={String(point)}
                onChange={(ev) => setChosen(Number(ev.currentTarget.value))}
                data={open.map((r) => ({
                  value: String(r.point),
                  label: r.dueOn
                    ? t('care.progress.reassessment.pointOption', { point: r.point, date: formatDate(r.dueOn) })
                    : t('care.progress.reassessment.pointOptionNoDate', { point: r.point }),
                }))}
              />
            ) : null}
            <Button onClick={() => { if (point !== null) start.mutate(point); }} loading={start.isPending}>
              {t('care.progress.reassessment.start')}
            </Button>
          </Group>
        )
      ) : null}
      <ErrorAlert error={start.error} />

      {e.comparisons.length > 0 ? (
        <Stack gap="md" mt="md">
          {e.comparisons.map((c) => {
            const introId = `comparison-${c.followUpId}`;
            return (
              <div key={c.followUpId}>
                <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
                  <Title order={4} size="h5">{t('care.progress.comparison.title', { point: c.point })}</Title>
                  <Anchor component={Link} to={`/asesmen/${c.followUpId}`} size="sm" className="no-print">{t('care.progress.comparison.open')}</Anchor>
                </Group>
                <Text size="xs" c="dimmed" mb={4} id={introId}>
                  {t('care.progress.comparison.intro', { before: formatTimestampDate(c.baselineSignedAt), after: formatTimestampDate(c.followUpSignedAt), point: c.point })}
                </Text>
                <ComparisonTable comparison={c} programme={e.programmeName} describedBy={introId} />
              </div>
            );
          })}
        </Stack>
      ) : e.reassessments.length > 0 ? (
        <Text size="sm" c="dimmed" mt="sm">{t('care.progress.comparison.none')}</Text>
      ) : null}
    </section>
  );
}
