import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RehabClass } from '../../../shared/contracts/clinical.ts';
import { RISK_LABELS, type Risk } from '../../../shared/instruments/index.ts';
import { CLASS_COLOR, RISK_COLOR, useLabel } from './labels.ts';

export function RiskBadge({ risk, size = 'md' }: { risk: Risk; size?: 'sm' | 'md' | 'lg' }) {
  const label = useLabel();
  return (
    <Badge color={RISK_COLOR[risk]} autoContrast variant="filled" tt="none" size={size}>
      {label(RISK_LABELS[risk])}
    </Badge>
  );
}

export function ClassBadge({ value, size = 'md' }: { value: RehabClass | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (!value) return <>—</>;
  return (
    <Badge color={CLASS_COLOR[value]} autoContrast variant="filled" tt="none" size={size}>
      {t(`clinical.class.${value}`)}
    </Badge>
  );
}
