import type { ReactNode } from 'react';
import { Button, NativeSelect, Paper, SimpleGrid, TextInput, type SimpleGridProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../shared/domain/permissions.ts';
import { unitsFor } from '../app/access.ts';
import { useUser } from '../app/auth.tsx';
import { EmptyState } from './EmptyState.tsx';
import type { ListAddress } from './useListAddress.ts';

/** A list's search box (Enter searches at once) with its filters beside it; hidden when printing. */
export function ListSearch({ list, label, cols, maw, children }: {
  list: ListAddress;
  label: string;
  cols: SimpleGridProps['cols'];
  maw?: number;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" mb="md" className="no-print">
      <form role="search" onSubmit={(e) => { e.preventDefault(); list.searchNow(); }}>
        <SimpleGrid cols={cols} spacing="sm" maw={maw}>
          <TextInput
            label={label}
            placeholder={t('wbp.searchPlaceholder')}
            type="search"
            value={list.text}
            onChange={(e) => list.setText(e.currentTarget.value)}
          />
          {children}
        </SimpleGrid>
      </form>
    </Paper>
  );
}

/** A filter on one of the user's units, or all of them; nothing for someone who works in one unit. */
export function FacilityFilter({ value, onChange, permission }: {
  value: string | undefined;
  onChange: (facilityId: string) => void;
  /** What the list needs in a unit: only the units where the user may use it are offered. */
  permission: Permission;
}) {
  const { t } = useTranslation();
  const units = unitsFor(useUser(), permission);
  if (units.length < 2) return null;
  return (
    <NativeSelect
      label={t('wbp.facility')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('wbp.allFacilities') }, ...units.map((f) => ({ value: f.id, label: f.name }))]}
    />
  );
}

/** A search or filter that finds nobody, with the way out. */
export function NoMatches({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('wbp.noResults')}
      description={t('wbp.noResultsHelp')}
      action={<Button variant="light" onClick={onClear}>{t('common.clearFilters')}</Button>}
    />
  );
}
