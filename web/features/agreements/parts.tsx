import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementScope, AgreementSummary } from '../../../shared/contracts/agreements.ts';
import { formatDate } from '../../app/format.ts';

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
