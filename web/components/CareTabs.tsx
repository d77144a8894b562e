import { Button, Group } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../shared/domain/permissions.ts';
import { useAuth } from '../app/auth.tsx';

export type CareTab = 'record' | 'notes' | 'urine' | 'progress' | 'outcomes' | 'incidents' | 'ptrm' | 'aftercare' | 'satusehat';

/** The parts of a person's care record, each its own page; the reader sees only those they may open. */
const TABS: { key: CareTab; path: string; permission: Permission }[] = [
  { key: 'record', path: 'perawatan', permission: 'clinical.read' },
  { key: 'notes', path: 'catatan', permission: 'notes.read' },
  { key: 'urine', path: 'urin', permission: 'clinical.read' },
  { key: 'progress', path: 'kemajuan', permission: 'clinical.read' },
  { key: 'outcomes', path: 'hasil', permission: 'clinical.read' },
  { key: 'incidents', path: 'insiden', permission: 'clinical.read' },
  { key: 'ptrm', path: 'ptrm', permission: 'clinical.read' },
  { key: 'aftercare', path: 'pembebasan', permission: 'clinical.read' },
  { key: 'satusehat', path: 'satusehat', permission: 'clinical.read' },
];

export function careTabPath(wbpId: string, tab: CareTab): string {
  return `/wbp/${wbpId}/${TABS.find((t) => t.key === tab)!.path}`;
}

export function CareTabs({ wbpId, facilityId, active }: { wbpId: string; facilityId: string; active: CareTab }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Group component="nav" aria-label={t('care.tabs.label')} gap={6} mb="md" className="no-print">
      {TABS.filter((tab) => can(tab.permission, facilityId)).map((tab) => (
        <Button
          key={tab.key}
          component={Link}
          to={careTabPath(wbpId, tab.key)}
          size="compact-sm"
          variant={tab.key === active ? 'filled' : 'light'}
          aria-current={tab.key === active ? 'page' : undefined}
        >
          {t(`care.tabs.${tab.key}`)}
        </Button>
      ))}
    </Group>
  );
}
