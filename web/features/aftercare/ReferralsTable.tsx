import { Anchor, Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { FollowUpState } from '../../../shared/contracts/aftercare.ts';
import { formatDate, withSubject } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { handoverUrl, type AftercareReferralRecord } from './api.ts';

const STATUS_COLOR = { sent: 'blue', accepted: 'teal', declined: 'gray', closed: 'dark' } as const;
const STATE_COLOR: Record<FollowUpState, string> = { done: 'teal', upcoming: 'gray', due: 'yellow', overdue: 'red' };

export type ReceiverAction = 'accept' | 'decline' | 'follow_up' | 'close';

/**
 * Aftercare referrals with their status, flags (unanswered for a week, follow-ups overdue, consent
 * revoked), the follow-up schedule and the hand-over PDF; the receiving side also gets its actions.
 */
export function ReferralsTable({ referrals, side, onAction, enrolPath }: {
  referrals: readonly AftercareReferralRecord[];
  side: 'sender' | 'receiver';
  onAction?: (action: ReceiverAction, referral: AftercareReferralRecord, opener: HTMLElement) => void;
  /** Where the receiver enrols an accepted client in a post-rehabilitation programme, or null where it cannot. */
  enrolPath?: (referral: AftercareReferralRecord) => string | null;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={900}
      aria-label={t('aftercare.referrals.tableLabel')}
      columns={[
        t('aftercare.referrals.person'), side === 'sender' ? t('aftercare.referrals.to') : t('aftercare.referrals.from'), t('aftercare.referrals.release'),
        t('aftercare.referrals.status'), t('aftercare.referrals.followUps'), t('aftercare.referrals.actions'),
      ]}
    >
      <Table.Tbody>
        {referrals.map((r) => (
          <Table.Tr key={r.id} data-referral={r.id}>
            <Table.Th scope="row" fw={400}>
              <Text size="sm" fw={500}>{r.fullName}</Text>
              <Text size="xs" c="dimmed">{r.sdpNumber}</Text>
            </Table.Th>
            <Table.Td>
              <Text size="sm">{side === 'sender' ? r.toName : r.facilityName}</Text>
              <Text size="xs" c="dimmed">{formatDate(r.referredOn)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t('aftercare.referrals.releaseOn', { kind: t(`aftercare.releaseKind.${r.releaseKind}`), date: formatDate(r.releaseOn) })}</Text>
              {r.released ? null : <Text size="xs" c="dimmed">{t('aftercare.referrals.notYetReleased')}</Text>}
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Badge variant="light" color={STATUS_COLOR[r.status]}>{t(`aftercare.referralStatus.${r.status}`)}</Badge>
                {r.outcome ? <Text size="sm">{t(`aftercare.outcome.${r.outcome}`)}</Text> : null}
                {r.declinedReason ? <Text size="xs">{r.declinedReason}</Text> : null}
                {r.awaitingTooLong ? <Badge color="red" variant="filled">{t('aftercare.referrals.awaiting')}</Badge> : null}
                {r.overdueFollowUps > 0 ? <Badge color="red" variant="filled">{t('aftercare.referrals.overdue', { count: r.overdueFollowUps })}</Badge> : null}
                {r.consentInForce ? null : <Badge color="orange" variant="light">{t('aftercare.referrals.noConsent')}</Badge>}
              </Stack>
            </Table.Td>
            <Table.Td>
              <List size="sm" listStyleType="none" spacing={2}>
                {r.followUps.map((f) => (
                  <List.Item key={f.month}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{t('aftercare.referrals.month', { month: f.month })}</Text>
                      <Badge size="sm" variant="light" color={STATE_COLOR[f.state]}>{t(`aftercare.followUpState.${f.state}`)}</Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {f.doneOn
                        ? `${formatDate(f.doneOn)} · ${t('aftercare.referrals.contactMade')}: ${f.contactMade ? t('aftercare.referrals.yes') : t('aftercare.referrals.no')} · ${t('aftercare.referrals.urine')}: ${t(`aftercare.urine.${f.urine ?? 'not_done'}`)}`
                        : t('aftercare.referrals.due', { date: formatDate(f.dueOn) })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Table.Td>
            <Table.Td className="no-print">
              <Stack gap={6} align="flex-start">
                {side === 'sender' || r.consentInForce ? (
                  <DownloadButton path={handoverUrl(r.id)} fileName="serah-terima-pascarehabilitasi.pdf" size="compact-sm" variant="light"
                    aria-label={withSubject(t('aftercare.referrals.handover'), r.fullName)}>
                    {t('aftercare.referrals.handover')}
                  </DownloadButton>
                ) : null}
                {side === 'receiver' && onAction && r.status === 'sent' ? (
                  <Group gap={6}>
                    <Button size="compact-sm" color="teal" aria-label={withSubject(t('aftercare.referrals.accept'), r.fullName)} onClick={(e) => onAction('accept', r, e.currentTarget)}>
                      {t('aftercare.referrals.accept')}
                    </Button>
                    <Button size="compact-sm" variant="light" color="red" aria-label={withSubject(t('aftercare.referrals.decline'), r.fullName)} onClick={(e) => onAction('decline', r, e.currentTarget)}>
                      {t('aftercare.referrals.decline')}
                    </Button>
                  </Group>
                ) : null}
                {side === 'receiver' && r.status === 'accepted' && enrolPath?.(r) ? (
                  <Anchor component={Link} to={enrolPath(r) ?? ''} size="sm" aria-label={withSubject(t('postRehab.fromReferral'), r.fullName)}>
                    {t('postRehab.fromReferral')}
                  </Anchor>
                ) : null}
                {side === 'receiver' && onAction && r.status === 'accepted' ? (
                  <Group gap={6}>
                    {r.released && r.followUps.some((f) => f.state !== 'done') ? (
                      <Button size="compact-sm" aria-label={withSubject(t('aftercare.referrals.recordFollowUp'), r.fullName)} onClick={(e) => onAction('follow_up', r, e.currentTarget)}>
                        {t('aftercare.referrals.recordFollowUp')}
                      </Button>
                    ) : null}
                    <Button size="compact-sm" variant="light" aria-label={withSubject(t('aftercare.referrals.close'), r.fullName)} onClick={(e) => onAction('close', r, e.currentTarget)}>
                      {t('aftercare.referrals.close')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}
