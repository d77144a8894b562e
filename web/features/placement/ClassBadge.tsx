import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type RehabClass = 'rendah' | 'menengah' | 'tinggi';
/** Readable text on each colour; the word is always there, so colour is never the only sign. */
const CLASS_COLOR: Record<RehabClass, string> = { rendah: 'teal.8', menengah: 'yellow.4', tinggi: 'red.8' };

export function ClassBadge({ value }: { value: RehabClass }) {
  const { t } = useTranslation();
  return (
    <Badge color={CLASS_COLOR[value]} autoContrast variant="filled" tt="none">
      {t(`clinical.class.${value}`)}
    </Badge>
  );
}
