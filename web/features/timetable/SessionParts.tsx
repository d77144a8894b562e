import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimetableSession } from './api.ts';

/** "Kelompok 2", or "Individu: <name>" for a one-to-one session. */
export function SessionGroupText({ session }: { session: TimetableSession }) {
  const { t } = useTranslation();
  if (session.groupLabel) return <>{session.groupLabel}</>;
  return (
    <>
      <Text span size="sm" c="dimmed">{t(`programmes.mode.${session.mode}`)}</Text>
      {session.mode === 'individual' && session.members[0] ? <>: {session.members[0].fullName}</> : null}
    </>
  );
}
