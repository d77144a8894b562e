import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardResponse } from '../../../shared/contracts/reports.ts';
import { MAX_PERIOD_DAYS } from '../../../shared/domain/indicators.ts';
import { PARAM, PERIOD_PRESETS, presetChanges, type DashboardFilters as Filters, type PeriodPreset } from './period.ts';

type Choices = DashboardResponse['choices'];

function isPreset(value: string): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value);
}

/**
 * The period (a preset, or dates of one's own) and, for those who see more than one unit, the
 * region and the unit. Every choice goes into the page address at once. Hidden when printing: the
 * page's subtitle says what the figures cover.
 */
export function DashboardFilters({ filters, choices, showRegions, onChange }: {
  filters: Filters;
  /** What the user may choose from; undefined until the first answer. */
  choices: Choices | undefined;
  showRegions: boolean;
  onChange: (changes: Record<string, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const units = (choices?.units ?? []).filter((u) => !filters.regionId || u.regionId === filters.regionId);
  const showUnits = (choices?.units.length ?? 0) > 1;
  const problem = (field: 'from' | 'to') => {
    if (filters.problem?.field !== field) return undefined;
    if (filters.problem.reason === 'order') return t('dashboard.filters.toBeforeFrom');
    if (filters.problem.reason === 'long') return t('dashboard.filters.tooLong', { max: MAX_PERIOD_DAYS });
    return t('dashboard.filters.badDate');
  };

  const chooseRegion = (regionId: string) => {
    const unitStays = !regionId || (choices?.units ?? []).some((u) => u.id === filters.facilityId && u.regionId === regionId);
    onChange({ [PARAM.region]: regionId || undefined, [PARAM.unit]: unitStays ? filters.facilityId : undefined });
  };

  return (
    <Paper withBorder p="sm" mb="md" className="no-print">
      <div role="search" aria-label={t('dashboard.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <NativeSelect
            label={t('dashboard.filters.period')}
            value={filters.preset}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isPreset(value)) onChange(presetChanges(value, { from: filters.from, to: filters.to }));
            }}
            data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`dashboard.filters.presets.${p}`) }))}
          />
          {filters.preset === 'custom' ? (
            <>
              <TextInput
                type="date"
                label={t('dashboard.filters.from')}
                value={filters.from}
                error={problem('from')}
                onChange={(e) => onChange({ [PARAM.from]: e.currentTarget.value || undefined })}
              />
              <TextInput
                type="date"
                label={t('dashboard.filters.to')}
                value={filters.to}
                error={problem('to')}
                onChange={(e) => onChange({ [PARAM.to]: e.currentTarget.value || undefined })}
              />
            </>
          ) : null}
          {showRegions && choices ? (
            <NativeSelect
              label={t('dashboard.filters.region')}
              value={filters.regionId ?? ''}
              onChange={(e) => chooseRegion(e.currentTarget.value)}
              data={[{ value: '', label: t('dashboard.filters.allRegions') }, ...choices.regions.map((r) => ({ value: r.id, label: r.name }))]}
            />
          ) : null}
          {showUnits ? (
            <NativeSelect
              label={t('dashboard.filters.unit')}
              value={filters.facilityId ?? ''}
              onChange={(e) => onChange({ [PARAM.unit]: e.currentTarget.value || undefined })}
              data={[
                { value: '', label: filters.regionId ? t('dashboard.filters.allUnitsOfRegion') : t('dashboard.filters.allUnits') },
                ...units.map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
          ) : null}
        </SimpleGrid>
        {filters.regionId || filters.facilityId ? (
          <Group mt="xs">
            <Button variant="subtle" size="xs" onClick={() => onChange({ [PARAM.region]: undefined, [PARAM.unit]: undefined })}>
              {t('dashboard.filters.everything')}
            </Button>
          </Group>
        ) : null}
      </div>
    </Paper>
  );
}
