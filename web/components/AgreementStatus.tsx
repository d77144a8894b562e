import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus, AgreementSummary } from '../../shared/contracts/agreements.ts';
import { formatDate } from '../app/format.ts';

/** How a status is marked: what needs action stands out, what is over is grey. */
const STATUS_COLOR: Record<AgreementStatus, string> = {
  pending: 'blue', in_force: 'teal', expiring: 'orange', expired: 'gray', terminated: 'red',
};

type StatusFacts = Pick<AgreementSummary, 'status' | 'daysLeft' | 'validUntil' | 'terminatedOn'>;

/**
 * A partnership agreement's status as a badge, with how many days are left while it is ending soon
 * or when it ended: the agreements screens and the dashboard's alert card say it the same way.
 */
export function AgreementStatusBadge({ agreement: a }: { agreement: StatusFacts }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" preventGrowOverflow={false}>
      <Badge variant="light" color={STATUS_COLOR[a.status]}>{t(`agreements.statusName.${a.status}`)}</Badge>
      <Remaining agreement={a} />
    </Group>
  );
}

/** "berakhir dalam 12 hari" for one ending soon, "berakhir 3 Nov 2026" for one ended; nothing otherwise. */
function Remaining({ agreement: a }: { agreement: StatusFacts }) {
  const { t } = useTranslation();
  let text: string | null = null;
  if (a.status === 'expiring' && a.daysLeft !== null) text = a.daysLeft === 0 ? t('agreements.endsToday') : t('agreements.daysLeft', { count: a.daysLeft });
  else if (a.status === 'expired' && a.validUntil) text = t('agreements.endedOn', { date: formatDate(a.validUntil) });
  else if (a.status === 'terminated' && a.terminatedOn) text = t('agreements.endedOn', { date: formatDate(a.terminatedOn) });
  return text ? <Text span size="sm" c={a.status === 'expiring' ? 'orange.8' : 'dimmed'}>{text}</Text> : null;
}
