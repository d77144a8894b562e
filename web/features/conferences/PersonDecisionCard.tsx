import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CONFERENCE_DECISIONS, DROP_OUT_REASONS, type ConferenceDecision } from '../../../shared/contracts/conferences.ts';
import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrganizationSelect } from '../../components/OrganizationSelect.tsx';
import { conferenceKeys, fetchOutcomes } from './api.ts';
import { fieldId, type PersonRow } from './form.ts';

/** One person discussed: their programme, the discussion, the decision and the facts it needs. */
export function PersonDecisionCard({ row, index, programmes, errors, onChange, onRemove }: {
  row: PersonRow;
  index: number;
  /** The unit's programmes, for a change of programme. */
  programmes: readonly ProgrammeRecord[];
  errors: Readonly<Record<string, string>>;
  onChange: (patch: Partial<PersonRow>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const outcomes = useQuery({ queryKey: conferenceKeys.outcomes(row.wbpId), queryFn: ({ signal }) => fetchOutcomes(row.wbpId, signal) });
  const path = (field: string) => `people.${index}.${field}`;
  const field = (name: string) => ({ id: fieldId(path(name)), error: errors[path(name)] });
  const headingId = `conference-person-${index}`;

  const open = (outcomes.data?.enrolments ?? []).filter((e) => e.status === 'active' || e.status === 'waitlisted');
  const current = open.find((e) => e.id === row.enrolmentId);
  const targets = programmes.filter((p) => p.active && p.id !== current?.programmeId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} size="h5" id={headingId}>
          {row.fullName} <Text span c="dimmed" size="sm" fw={400}>· {row.sdpNumber}</Text>
        </Title>
        <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
          {t('care.conferences.form.removePerson', { name: row.fullName })}
        </Button>
      </Group>
      {errors[path('wbpId')] ? <Text c="red" size="sm" mb="xs" role="alert">{errors[path('wbpId')]}</Text> : null}
      <ErrorAlert error={outcomes.error} title={t('care.conferences.form.enrolmentsFailed')} onRetry={() => void outcomes.refetch()} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            {...field('enrolmentId')}
            label={t('care.conferences.form.enrolment')}
            value={row.enrolmentId}
            onChange={(e) => onChange({ enrolmentId: e.currentTarget.value })}
            data={[
              { value: '', label: t('care.conferences.form.noEnrolment') },
              ...open.map((e) => ({
                value: e.id,
                label: t('care.conferences.form.enrolmentOption', { programme: e.programmeName, status: t(`care.conferences.status.${e.status}`) }),
              })),
            ]}
          />
          <NativeSelect
            {...field('decision')}
            label={t('care.conferences.form.decision')}
            value={row.decision}
            onChange={(e) => onChange({ decision: e.currentTarget.value as ConferenceDecision })}
            data={CONFERENCE_DECISIONS.map((d) => ({ value: d, label: t(`care.conferences.decision.${d}`) }))}
            required
          />
        </SimpleGrid>
        <Textarea
          {...field('discussion')}
          label={t('care.conferences.form.discussion')}
          value={row.discussion}
          onChange={(e) => onChange({ discussion: e.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={4000}
          required
        />
        {row.decision === 'change_programme' ? (
          <NativeSelect
            {...field('detail.programmeId')}
            label={t('care.conferences.form.newProgramme')}
            value={row.programmeId ?? ''}
            onChange={(e) => onChange({ programmeId: e.currentTarget.value || null })}
            data={[{ value: '', label: t('common.choose') }, ...targets.map((p) => ({ value: p.id, label: p.name }))]}
            required
          />
        ) : null}
        {row.decision === 'refer' ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OrganizationSelect
                {...field('detail.toOrganizationId')}
                label={t('care.conferences.form.toOrganization')}
                value={row.toOrganizationId}
                onChange={(v) => onChange({ toOrganizationId: v })}
                clearable
              />
              <TextInput
                {...field('detail.toName')}
                label={t('care.conferences.form.toName')}
                description={t('care.conferences.form.toNameHelp')}
                value={row.toName}
                onChange={(e) => onChange({ toName: e.currentTarget.value })}
                maxLength={200}
              />
            </SimpleGrid>
            <Textarea
              {...field('detail.reason')}
              label={t('care.conferences.form.referralReason')}
              value={row.referralReason}
              onChange={(e) => onChange({ referralReason: e.currentTarget.value })}
              autosize
              minRows={2}
              maxLength={2000}
              required
            />
          </>
        ) : null}
        {row.decision === 'drop_out' ? (
          <NativeSelect
            {...field('detail.reason')}
            label={t('care.conferences.form.dropReason')}
            value={row.dropReason}
            onChange={(e) => onChange({ dropReason: e.currentTarget.value })}
            data={[{ value: '', label: t('common.choose') }, ...DROP_OUT_REASONS.map((r) => ({ value: r, label: t(`care.conferences.dropReason.${r}`) }))]}
            required
          />
        ) : null}
        {row.decision === 'complete' || row.decision === 'drop_out' ? (
          <Textarea
            {...field('detail.note')}
            label={t('care.conferences.form.outcomeNote')}
            value={row.note}
            onChange={(e) => onChange({ note: e.currentTarget.value })}
            autosize
            minRows={2}
            maxLength={2000}
            required={row.decision === 'drop_out' && row.dropReason === 'other'}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
