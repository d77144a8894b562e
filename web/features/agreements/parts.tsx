import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementScope, AgreementSummary } from '../../../shared/contracts/agreements.ts';
import { formatDate } from '../../app/format.ts';
import { STATUS_COLOR } from './form.ts';

/** The status as a badge, with how many days are left while it is ending soon. */
export function StatusBadge({ agreement: a }: { agreement: Pick<AgreementSummary, 'status' | 'daysLeft' | 'validUntil' | 'terminatedOn'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" preventGrowOverflow={false}>
      <Badge variant="light" color={STATUS_COLOR[a.status]}>{t(`agreements.statusName.${a.status}`)}</Badge>
      <Remaining agreement={a} />
    </Group>
  );
}

/** "berakhir dalam 12 hari" for one ending soon, "berakhir 3 Nov 2026" for one ended; nothing otherwise. */
export function Remaining({ agreement: a }: { agreement: Pick<AgreementSummary, 'status' | 'daysLeft' | 'validUntil' | 'terminatedOn'> }) {
  const { t } = useTranslation();
  let text: string | null = null;
  if (a.status === 'expiring' && a.daysLeft !== null) text = a.daysLeft === 0 ? t('agreements.endsToday') : t('agreements.daysLeft', { count: a.daysLeft });
  else if (a.status === 'expired' && a.validUntil) text = t('agreements.endedOn', { date: formatDate(a.validUntil) });
  else if (a.status === 'terminated' && a.terminatedOn) text = t('agreements.endedOn', { date: formatDate(a.terminatedOn) });
  return text ? <Text span size="sm" c={a.status === 'expiring' ? 'orange.8' : 'dimmed'}>{text}</Text> : null;
}

/** The validity period: "1 Jan 2026 – 31 Des 2027", or "… – tanpa batas". */
export function validity(t: (key: 'agreements.noEnd') => string, a: Pick<AgreementSummary, 'validFrom' | 'validUntil'>): string {
  return `${formatDate(a.validFrom)} – ${a.validUntil ? formatDate(a.validUntil) : t('agreements.noEnd')}`;
}

/** The first few scopes by name, and how many more. */
export function ScopeList({ scopes, max = 3 }: { scopes: readonly AgreementScope[]; max?: number }) {
  const { t } = useTranslation();
  const shown = scopes.slice(0, max);
  const more = scopes.length - shown.length;
  return (
    <Text size="sm">
      {shown.map((s) => t(`agreements.scope.${s}`)).join(', ')}
      {more > 0 ? <Text span c="dimmed" size="sm">{` ${t('agreements.moreScopes', { count: more })}`}</Text> : null}
    </Text>
  );
}
