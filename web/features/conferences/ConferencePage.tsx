import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ConferencePersonRecord } from '../../../shared/contracts/conferences.ts';
import { isDropOutReason } from '../../../shared/domain/outcomes.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { translateKey } from '../../app/i18n.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { conferenceKeys, fetchConference } from './api.ts';
import { DECISION_COLOR } from './form.ts';

/** The minutes of a case conference, to read and to print: who came from which agency, who was discussed, what was decided. */
export function ConferencePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const conference = useQuery({ queryKey: conferenceKeys.detail(id), queryFn: ({ signal }) => fetchConference(id, signal), enabled: !!id });

  if (conference.isPending) return <Loading />;
  if (conference.error) {
    const missing = conference.error instanceof ApiError && conference.error.status === 404;
    return (
      <>
        <PageTitle title={t('care.conferences.minutes.title')} />
        {missing ? (
          <EmptyState title={t('errors.http.NOT_FOUND')} action={<Anchor component={Link} to="/konferensi">{t('care.conferences.minutes.back')}</Anchor>} />
        ) : (
          <ErrorAlert error={conference.error} onRetry={() => void conference.refetch()} />
        )}
      </>
    );
  }
  const c = conference.data;

  return (
    <>
      <Anchor component={Link} to={`/konferensi?upt=${encodeURIComponent(c.facilityId)}`} size="sm" className="no-print">← {t('care.conferences.minutes.back')}</Anchor>
      <PageTitle
        title={t('care.conferences.minutes.heading', { title: c.title, date: formatDate(c.heldOn) })}
        subtitle={t('care.conferences.minutes.meta', { unit: c.facilityName, by: c.createdBy ?? '—' })}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      <Text className="print-only" size="xs" c="dimmed" mb="sm">{formatDateTime(c.createdAt)}</Text>
      <Stack gap="md">
        {c.notes ? (
          <Section id="minutes-notes" title={t('care.conferences.minutes.notes')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Text>
          </Section>
        ) : null}
        <Section id="minutes-attendees" title={t('care.conferences.minutes.attendees')}>
          <Stack gap="sm">
            {c.agencies.map((g) => (
              <div key={g.organizationId ?? `text-${g.name ?? ''}`}>
                <Title order={3} size="h6">
                  {g.name ?? t('care.conferences.minutes.noAgency')}
                  {g.kind ? <Text span c="dimmed" size="sm" fw={400}> · {t(`orgKind.${g.kind}`)}</Text> : null}
                </Title>
                <List size="sm" spacing={2}>
                  {g.attendees.map((a) => (
                    <List.Item key={a.id}>{a.name}{a.position ? `, ${a.position}` : ''}</List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        </Section>
        <Section id="minutes-people" title={t('care.conferences.minutes.people')}>
          <Text size="sm" c="dimmed" mb="sm">{t('care.conferences.minutes.window', { from: formatDate(c.lookbackFrom) })}</Text>
          <Stack gap="md">
            {c.people.map((p, i) => <PersonMinutes key={p.wbpId} person={p} index={i} />)}
          </Stack>
        </Section>
      </Stack>
    </>
  );
}

function PersonMinutes({ person: p, index }: { person: ConferencePersonRecord; index: number }) {
  const { t } = useTranslation();
  const headingId = `minutes-person-${index}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} style={{ breakInside: 'avoid' }}>
      <Group justify="space-between" wrap="wrap" mb={4}>
        <Title order={3} size="h5" id={headingId}>
          {p.fullName} <Text span c="dimmed" size="sm" fw={400}>· {p.sdpNumber}</Text>
        </Title>
        <Anchor component={Link} to={`/wbp/${p.wbpId}/hasil`} size="sm" className="no-print">
          {t('care.conferences.minutes.openOutcomes', { name: p.fullName })}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {p.programmeName ? t('care.conferences.minutes.programme', { name: p.programmeName }) : t('care.conferences.minutes.noProgramme')}
      </Text>
      <Text size="sm" fw={600}>{t('care.conferences.minutes.discussion')}</Text>
      <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>{p.discussion}</Text>
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600}>{t('care.conferences.minutes.decision')}:</Text>
        <Badge variant="light" color={DECISION_COLOR[p.decision]}>
          {t(`care.conferences.decision.${p.decision}`)}
        </Badge>
      </Group>
      <Text size="sm">
        <Text span fw={600}>{t('care.conferences.minutes.effect')}: </Text>
        <EffectText person={p} />
      </Text>
      {p.detail.note ? <Text size="sm">{t('care.conferences.minutes.note', { note: p.detail.note })}</Text> : null}
      <RecentIncidents person={p} />
      <RecentUrine person={p} />
    </Paper>
  );
}

/** What a decision did to the record, in words. */
function EffectText({ person: p }: { person: ConferencePersonRecord }) {
  const { t } = useTranslation();
  const e = p.effect;
  switch (p.decision) {
    case 'continue':
      return t('care.conferences.minutes.effectContinue');
    case 'complete':
      return t('care.conferences.minutes.effectComplete', { date: formatDate(e.endedOn), number: e.certificateNumber ?? '—' });
    case 'drop_out':
      return t('care.conferences.minutes.effectDropOut', {
        date: formatDate(e.endedOn), reason: isDropOutReason(p.detail.reason) ? t(`care.conferences.dropReason.${p.detail.reason}`) : (p.detail.reason ?? '—'),
      });
    case 'change_programme': {
      const n = e.newEnrolment;
      if (!n) return t('care.conferences.decision.change_programme');
      const status = n.status === 'active'
        ? t('care.conferences.minutes.effectChangeActive', { start: formatDate(n.startDate), end: formatDate(n.expectedEndDate) })
        : t('care.conferences.minutes.effectChangeWaitlisted');
      return t('care.conferences.minutes.effectChange', { programme: n.programmeName, status });
    }
    case 'refer':
      return e.referral
        ? t('care.conferences.minutes.effectRefer', { to: e.referral.toName, date: formatDate(e.referral.referredOn), reason: e.referral.reason })
        : t('care.conferences.decision.refer');
  }
}

function RecentIncidents({ person: p }: { person: ConferencePersonRecord }) {
  const { t } = useTranslation();
  const id = `minutes-incidents-${p.wbpId}`;
  return (
    <>
      <Title order={4} size="h6" mt="sm" id={id}>{t('care.conferences.minutes.incidents')}</Title>
      {p.incidents.length === 0 ? (
        <Text size="sm" c="dimmed">{t('care.conferences.minutes.noIncidents')}</Text>
      ) : (
        <DataTable minWidth={560} aria-label={t('care.conferences.minutes.incidentsLabel', { name: p.fullName })} columns={[
          t('care.conferences.minutes.date'), t('care.conferences.minutes.kind'), t('care.conferences.minutes.description'), t('care.conferences.minutes.action'),
        ]}>
          <Table.Tbody>
            {p.incidents.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i.occurredOn)}</Table.Td>
                <Table.Td>{t(`care.notes.incident.kinds.${i.kind}`)}</Table.Td>
                <Table.Td>{i.description}</Table.Td>
                <Table.Td>{i.actionTaken ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
    </>
  );
}

function RecentUrine({ person: p }: { person: ConferencePersonRecord }) {
  const { t } = useTranslation();
  const id = `minutes-urine-${p.wbpId}`;
  return (
    <>
      <Title order={4} size="h6" mt="sm" id={id}>{t('care.conferences.minutes.urine')}</Title>
      {p.urineTests.length === 0 ? (
        <Text size="sm" c="dimmed">{t('care.conferences.minutes.noUrine')}</Text>
      ) : (
        <DataTable minWidth={520} aria-label={t('care.conferences.minutes.urineLabel', { name: p.fullName })} columns={[
          t('care.conferences.minutes.date'), t('care.conferences.minutes.status'), t('care.conferences.minutes.outcome'), t('care.conferences.minutes.substances'),
        ]}>
          <Table.Tbody>
            {p.urineTests.map((u) => {
              const positive = Object.entries(u.results ?? {}).filter(([, v]) => v === 'positive').map(([k]) => translateKey(`care.urine.substance.${k}`) ?? k);
              return (
                <Table.Tr key={u.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(u.plannedOn)}</Table.Td>
                  <Table.Td>{t(`care.urine.status.${u.status}`)}</Table.Td>
                  <Table.Td>
                    {u.outcome ? (
                      <Badge size="sm" variant="light" color={u.outcome === 'positive' ? 'red' : u.outcome === 'negative' ? 'teal' : 'gray'}>
                        {t(`care.urine.outcome.${u.outcome}`)}
                      </Badge>
                    ) : '—'}
                  </Table.Td>
                  <Table.Td>{positive.length > 0 ? positive.join(', ') : '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </DataTable>
      )}
    </>
  );
}
