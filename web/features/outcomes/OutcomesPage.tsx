import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, withSubject } from '../../app/format.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { certificateUrl, fetchOutcomes, outcomeKeys, type OutcomeEnrolment, type PersonOutcomes } from './api.ts';
import { OutcomeDialog, type OutcomeKind } from './OutcomeDialog.tsx';
import { ReferralForm } from './ReferralForm.tsx';

const STATUS_COLOR: Record<OutcomeEnrolment['status'], string> = {
  active: 'blue', waitlisted: 'yellow', completed: 'teal', dropped: 'red', changed: 'gray',
};

/** A person's programmes with their outcome (completion, drop-out, change), the certificates, and referrals. */
export function OutcomesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const outcomes = useQuery({ queryKey: outcomeKeys.outcomes(id), queryFn: ({ signal }) => fetchOutcomes(id, signal), enabled: !!id });
  const dialog = useDialog<{ kind: OutcomeKind; enrolment: OutcomeEnrolment }>();
  const canRecord = can('outcome.record');

  return (
    <CarePage wbpId={id} tab="outcomes">
      {(w) => (
        <Stack gap="md">
          <Section id="outcomes-enrolments" title={t('care.conferences.outcomes.enrolments')}>
            <QueryView
              query={outcomes}
              isEmpty={(data: PersonOutcomes) => data.enrolments.length === 0}
              empty={<Text size="sm" c="dimmed">{t('care.conferences.outcomes.noEnrolments')}</Text>}
            >
              {(data) => (
                <DataTable
                  minWidth={860}
                  aria-label={t('care.conferences.outcomes.enrolmentsLabel')}
                  columns={[
                    t('care.conferences.outcomes.programme'),
                    t('care.conferences.outcomes.status'),
                    t('care.conferences.outcomes.period'),
                    t('care.conferences.outcomes.outcome'),
                    t('care.conferences.outcomes.certificate'),
                    { label: t('common.actions'), hidden: true, className: 'no-print' },
                  ]}
                >
                  <Table.Tbody>
                    {data.enrolments.map((e) => (
                      <EnrolmentRow
                        key={e.id}
                        enrolment={e}
                        otherUnit={e.facilityId !== w.facilityId}
                        canRecord={canRecord}
                        onRecord={(kind, opener) => dialog.open({ kind, enrolment: e }, opener)}
                      />
                    ))}
                  </Table.Tbody>
                </DataTable>
              )}
            </QueryView>
          </Section>
          <Section id="outcomes-referrals" title={t('care.conferences.outcomes.referrals')}>
            {/* A failed load is said once, in the section above. */}
            {outcomes.data ? <ReferralsTable referrals={outcomes.data.referrals} /> : null}
            <Text size="sm" c="dimmed" mt="xs">
              {t('care.conferences.outcomes.aftercareElsewhere')}{' '}
              <Anchor component={Link} to={`/wbp/${w.id}/pembebasan`} size="sm">{t('care.conferences.outcomes.aftercareLink')}</Anchor>
            </Text>
            {can('care.write', w.facilityId) ? <ReferralForm wbpId={w.id} /> : null}
          </Section>
          {dialog.subject ? (
            <OutcomeDialog kind={dialog.subject.kind} enrolment={dialog.subject.enrolment} personName={w.fullName} onClose={dialog.close} />
          ) : null}
        </Stack>
      )}
    </CarePage>
  );
}

/** One programme of the person: its course, its outcome, and (to those who may) the ways to end it or fetch its certificate. */
function EnrolmentRow({ enrolment: e, otherUnit, canRecord, onRecord }: {
  enrolment: OutcomeEnrolment;
  /** Run by another unit than the person's: its name is shown. */
  otherUnit: boolean;
  canRecord: boolean;
  onRecord: (kind: OutcomeKind, opener: HTMLElement) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        <Text size="sm" fw={500}>{e.programmeName}</Text>
        {otherUnit ? <Text size="xs" c="dimmed">{e.facilityName}</Text> : null}
      </Table.Th>
      <Table.Td>
        <Badge variant="light" color={STATUS_COLOR[e.status]}>{t(`care.conferences.status.${e.status}`)}</Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{e.startDate ? t('care.conferences.outcomes.since', { date: formatDate(e.startDate) }) : '—'}</Text>
        {e.endedOn ? (
          <Text size="sm">{t('care.conferences.outcomes.ended')}: {formatDate(e.endedOn)}</Text>
        ) : e.expectedEndDate ? (
          <Text size="xs" c="dimmed">{t('care.conferences.outcomes.until', { date: formatDate(e.expectedEndDate) })}</Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {e.outcomeReason ? <Text size="sm">{t(`care.conferences.dropReason.${e.outcomeReason}`)}</Text> : null}
        {e.outcomeNote ? <Text size="sm">{e.outcomeNote}</Text> : null}
        {e.outcomeBy ? <Text size="xs" c="dimmed">{t('care.conferences.outcomes.recordedBy', { name: e.outcomeBy })}</Text> : null}
        {!e.outcomeReason && !e.outcomeNote && !e.outcomeBy ? '—' : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.certificateNumber ?? '—'}</Table.Td>
      <Table.Td className="no-print">
        <Group gap={6} wrap="nowrap">
          {canRecord && e.status === 'active' ? (
            <Button
              size="compact-sm"
              color="teal"
              aria-label={withSubject(t('care.conferences.outcomes.complete'), e.programmeName)}
              onClick={(ev) => onRecord('complete', ev.currentTarget)}
            >
              {t('care.conferences.outcomes.complete')}
            </Button>
          ) : null}
          {canRecord && (e.status === 'active' || e.status === 'waitlisted') ? (
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              aria-label={withSubject(t('care.conferences.outcomes.dropOut'), e.programmeName)}
              onClick={(ev) => onRecord('drop_out', ev.currentTarget)}
            >
              {t('care.conferences.outcomes.dropOut')}
            </Button>
          ) : null}
          {e.status === 'completed' && e.certificateNumber ? (
            <DownloadButton
              path={certificateUrl(e.id)}
              fileName="sertifikat.pdf"
              size="compact-sm"
              variant="light"
              aria-label={withSubject(t('care.conferences.outcomes.download'), `${e.programmeName} (${e.certificateNumber})`)}
            >
              {t('care.conferences.outcomes.download')}
            </DownloadButton>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function ReferralsTable({ referrals }: { referrals: PersonOutcomes['referrals'] }) {
  const { t } = useTranslation();
  if (referrals.length === 0) return <Text size="sm" c="dimmed">{t('care.conferences.outcomes.noReferrals')}</Text>;
  return (
    <DataTable
      minWidth={640}
      aria-label={t('care.conferences.outcomes.referralsLabel')}
      columns={[
        t('care.conferences.outcomes.referredOn'),
        t('care.conferences.outcomes.to'),
        t('care.conferences.outcomes.why'),
        t('care.conferences.outcomes.source'),
      ]}
    >
      <Table.Tbody>
        {referrals.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.referredOn)}</Table.Td>
            <Table.Td>{r.toName}</Table.Td>
            <Table.Td>{r.reason}</Table.Td>
            <Table.Td>
              {r.conferenceId ? (
                <Anchor component={Link} to={`/konferensi/${r.conferenceId}`} size="sm">{t('care.conferences.outcomes.fromConference')}</Anchor>
              ) : (
                t('care.conferences.outcomes.direct')
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}
