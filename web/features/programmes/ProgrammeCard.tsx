import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { frequencyText, groupSizeText, minutesText, phasesText, weeksText } from './labels.ts';
import { PostRehabPanel } from './PostRehabPanel.tsx';

/** One programme of the catalogue: what it is, how long, for how many, and the sessions it holds. */
export function ProgrammeCard({
  programme: p,
  highlighted,
  onEdit,
}: {
  programme: ProgrammeRecord;
  highlighted?: boolean;
  /** Absent for those who may only read the catalogue. */
  onEdit?: (p: ProgrammeRecord, opener: HTMLElement) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const headingId = `programme-${p.id}`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      style={highlighted ? { background: 'var(--mantine-color-teal-0)' } : p.active ? undefined : { background: 'var(--mantine-color-gray-0)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb="xs">
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4" id={headingId}>
              {p.name}
            </Title>
            <Badge color={p.active ? 'teal' : 'gray'} variant={p.active ? 'light' : 'outline'} tt="none">
              {p.active ? t('programmes.active') : t('programmes.inactive')}
            </Badge>
          </Group>
          {p.description ? <Text size="sm" c="gray.7">{p.description}</Text> : null}
        </Stack>
        <Group gap="xs" wrap="nowrap" className="no-print">
          {can('clinical.read', p.facilityId) ? (
            <Button
              variant="default"
              size="xs"
              component={Link}
              to={`/program/${p.id}/peserta`}
              aria-label={t('programmes.participantsAria', { name: p.name })}
            >
              {t('programmes.participantsLink')}
            </Button>
          ) : null}
          {onEdit ? (
            <Button
              variant="default"
              size="xs"
              aria-label={t('programmes.editAria', { name: p.name })}
              onClick={(e) => onEdit(p, e.currentTarget)}
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>

      <dl className="facts">
        <dt>{t('programmes.kindLabel')}</dt>
        <dd>{t(`programmes.kind.${p.kind}`)}</dd>
        <dt>{t('programmes.duration')}</dt>
        <dd>
          {weeksText(p.durationWeeks)}
          {p.phases.length > 0 ? ` (${phasesText(p.phases)})` : null}
        </dd>
        {p.phases.length > 0 ? (
          <>
            <dt>{t('programmes.phases')}</dt>
            <dd>
              <ol style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
                {p.phases.map((ph) => (
                  <li key={ph.code}>{t('programmes.phaseItem', { name: ph.name, weeks: weeksText(ph.weeks) })}</li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        <dt>{t('programmes.capacity')}</dt>
        <dd>{t('programmes.participants', { count: p.capacity, formatted: formatNumber(p.capacity) })}</dd>
      </dl>

      <Title order={3} size="h6" mt="md" mb={4}>
        {t('programmes.sessionTypesCount', { count: p.sessionTypes.length })}
      </Title>
      {p.sessionTypes.length === 0 ? (
        <Text size="sm" c="dimmed">{t('programmes.noSessionTypes')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm" striped layout="fixed">
            <caption className="visually-hidden">{t('programmes.sessionTypesCaption', { name: p.name })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="38%">{t('programmes.sessionName')}</Table.Th>
                <Table.Th scope="col" w="13%">{t('programmes.modeLabel')}</Table.Th>
                <Table.Th scope="col" w="20%">{t('programmes.frequency')}</Table.Th>
                <Table.Th scope="col" w="12%">{t('programmes.sessionDuration')}</Table.Th>
                <Table.Th scope="col" w="17%">{t('programmes.groupSize')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.sessionTypes.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Th scope="row" fw={500}>{s.name}</Table.Th>
                  <Table.Td>{t(`programmes.mode.${s.mode}`)}</Table.Td>
                  <Table.Td>{frequencyText(s.perWeek, s.everyWeeks)}</Table.Td>
                  <Table.Td>{minutesText(s.durationMinutes)}</Table.Td>
                  <Table.Td>{groupSizeText(s) ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('programmes.updatedAt', { date: formatDateTime(p.updatedAt) })}
      </Text>
      {/* A Bapas's post-rehabilitation clients come from aftercare referrals, not from placement (docs/adr/0018). */}
      {p.kind === 'post_rehab' && can('postrehab.manage', p.facilityId) ? <PostRehabPanel programme={p} /> : null}
    </Paper>
  );
}
