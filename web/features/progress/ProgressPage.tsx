import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { fetchProgress, progressKeys, type EnrolmentProgress } from './api.ts';
import { PhasePanel } from './PhasePanel.tsx';
import { ReassessmentPanel } from './ReassessmentPanel.tsx';
import { RolesPanel } from './RolesPanel.tsx';

const STATUS_COLOR: Record<EnrolmentProgress['status'], string> = {
  active: 'teal.8', waitlisted: 'gray.7', completed: 'blue.8', dropped: 'red.8', changed: 'gray.7',
};

/** A person's progress in each programme: phases and peer roles, re-assessments and what changed since the placement. */
export function ProgressPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const progress = useQuery({ queryKey: progressKeys.progress(id), queryFn: ({ signal }) => fetchProgress(id, signal), enabled: !!id });

  return (
    <CarePage wbpId={id} tab="progress">
      {(w) => (
        <QueryView
          query={progress}
          isEmpty={(data) => data.enrolments.length === 0}
          empty={<EmptyState title={t('care.progress.empty')} description={t('care.progress.emptyHelp')} />}
        >
          {(data) => (
            <Stack gap="lg">
              {data.enrolments.map((e) => <EnrolmentCard key={e.enrolmentId} enrolment={e} personName={w.fullName} wbpId={w.id} facilityId={w.facilityId} />)}
            </Stack>
          )}
        </QueryView>
      )}
    </CarePage>
  );
}

function EnrolmentCard({ enrolment: e, personName, wbpId, facilityId }: { enrolment: EnrolmentProgress; personName: string; wbpId: string; facilityId: string }) {
  const { t } = useTranslation();
  const headingId = `enrolment-${e.enrolmentId}`;
  const dates = [
    e.startDate ? t('care.progress.enrolment.started', { date: formatDate(e.startDate) }) : null,
    e.endedOn ? t('care.progress.enrolment.endedOn', { date: formatDate(e.endedOn) }) : null,
    !e.endedOn && e.expectedEndDate ? t('care.progress.enrolment.expectedEnd', { date: formatDate(e.expectedEndDate) }) : null,
    t('care.progress.enrolment.weeks', { count: e.durationWeeks }),
  ].filter((d): d is string => d !== null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id={headingId}>{e.programmeName}</Title>
          <Text size="sm" c="dimmed">{dates.join(' · ')}</Text>
        </Stack>
        <Badge color={STATUS_COLOR[e.status]} variant={e.status === 'active' ? 'filled' : 'outline'} tt="none" size="lg">
          {t(`care.progress.enrolment.status.${e.status}`)}
        </Badge>
      </Group>
      {e.status === 'waitlisted' ? <Text size="sm" mb="sm">{t('care.progress.enrolment.waiting')}</Text> : null}
      <Stack gap="lg">
        {e.phases.length > 0 ? <PhasePanel enrolment={e} personName={personName} wbpId={wbpId} facilityId={facilityId} /> : null}
        {e.phases.length > 0 ? <RolesPanel enrolment={e} personName={personName} wbpId={wbpId} facilityId={facilityId} /> : null}
        <ReassessmentPanel enrolment={e} wbpId={wbpId} facilityId={facilityId} />
      </Stack>
    </Paper>
  );
}
