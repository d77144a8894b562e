import { Alert, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RESEARCH_FILES, SIRENA_FILES } from '../../../shared/contracts/exports.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { todayIso } from '../../app/format.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { exportsKeys, fetchResearchUnits, fhirExportPath, researchPath, sirenaPath } from './api.ts';
import { type ExportKind, type PeriodValues, checkPeriod, lastTwelveMonths } from './period.ts';

const FIELDS = ['from', 'to', 'facilityId'] as const;

/**
 * The files that leave Pulih: the de-identified research files (managers, over the units they see
 * in aggregate), and for one's own unit the SIRENA files and the FHIR bulk export. Each part shows
 * only to the roles that may download it; the period is checked with the route's contract first.
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <>
      <PageTitle title={t('exports.title')} subtitle={t('exports.subtitle')} />
      <Stack>
        {can('export.research') ? <ResearchSection /> : null}
        {can('export.sirena') || can('fhir.export') ? <UnitSections /> : null}
      </Stack>
    </>
  );
}

/** A period's two dates (and for research the unit), checked as typed; the buttons wait for a valid period. */
function usePeriod<K extends ExportKind>(kind: K, idPrefix: string) {
  const form = useFormFields<PeriodValues>(() => lastTwelveMonths(todayIso()), idPrefix, FIELDS);
  const check = checkPeriod(kind, form.values);
  /** The message under a field: the check's while the input is wrong, else what the server said about it. */
  const errorOf = (field: keyof PeriodValues) => (check.ok ? undefined : check.errors[field]) || form.errors[field] || undefined;
  const bind = (field: keyof PeriodValues) => ({ ...form.bind(field), error: errorOf(field) });
  return { values: form.values, check, bind, showFailure: form.showFailure };
}

function PeriodInputs({ bind }: { bind: ReturnType<typeof usePeriod>['bind'] }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput {...bind('from')} type="date" label={t('exports.from')} max={todayIso()} required />
      <TextInput {...bind('to')} type="date" label={t('exports.to')} required />
    </>
  );
}

function ResearchSection() {
  const { t } = useTranslation();
  const period = usePeriod('research', 'research');
  const units = useQuery({ queryKey: exportsKeys.researchUnits, queryFn: ({ signal }) => fetchResearchUnits(signal), staleTime: 5 * 60_000 });
  const query = period.check.ok ? period.check.query : null;
  return (
    <Section id="export-research" title={t('exports.research.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('exports.research.intro')}</Text>
        <div>
          <Title order={3} size="h6">{t('exports.research.contains')}</Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('exports.research.peopleFile')}</List.Item>
            <List.Item>{t('exports.research.eventsFile')}</List.Item>
          </List>
        </div>
        <div>
          <Title order={3} size="h6">{t('exports.research.notContains')}</Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('exports.research.noNames')}</List.Item>
            <List.Item>{t('exports.research.pseudonym')}</List.Item>
            <List.Item>{t('exports.research.shifted')}</List.Item>
          </List>
        </div>
        <Alert color="yellow" variant="light">{t('exports.research.limits')}</Alert>
        <SimpleGrid cols={{ base: 1, sm: 3 }} maw={900} className="no-print">
          <PeriodInputs bind={period.bind} />
          <NativeSelect
            {...period.bind('facilityId')}
            label={t('exports.unit')}
            data={[{ value: '', label: t('exports.allUnits') }, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
          />
        </SimpleGrid>
        {units.isError ? <Text size="sm" c="dimmed">{t('exports.unitsFailed')}</Text> : null}
        <Group className="no-print">
          {RESEARCH_FILES.map((file) => (
            <DownloadButton
              key={file}
              path={query ? researchPath(file, query) : ''}
              fileName={`pulih-research-${file}.csv`}
              disabled={query === null}
              onFailure={period.showFailure}
            >
              {t(`exports.research.${file}`)}
            </DownloadButton>
          ))}
        </Group>
      </Stack>
    </Section>
  );
}

/** The exports of one's own unit: SIRENA and FHIR, for the unit chosen when the user works in several. */
function UnitSections() {
  const { t } = useTranslation();
  const { can } = useAuth();
  // Both permissions belong to the same roles and no agreement gives them to partners: the same units.
  const { facility, several, choose } = useChosenFacility(can('export.sirena') ? 'export.sirena' : 'fhir.export');
  if (!facility) return <EmptyState title={t('exports.noUnitTitle')} description={t('exports.noUnitHelp')} />;
  return (
    <>
      {several ? (
        <FacilitySelect permission={can('export.sirena') ? 'export.sirena' : 'fhir.export'} label={t('exports.unit')} value={facility.id} onChoose={choose} maw={400} />
      ) : null}
      {can('export.sirena', facility.id) ? <SirenaSection facilityId={facility.id} unitName={facility.name} /> : null}
      {can('fhir.export', facility.id) ? <FhirSection facilityId={facility.id} unitName={facility.name} unitCode={facility.code} /> : null}
    </>
  );
}

function SirenaSection({ facilityId, unitName }: { facilityId: string; unitName: string }) {
  const { t } = useTranslation();
  const period = usePeriod('sirena', 'sirena');
  const query = period.check.ok ? period.check.query : null;
  return (
    <Section id="export-sirena" title={`${t('exports.sirena.title')} · ${unitName}`}>
      <Stack gap="sm">
        <Text size="sm">{t('exports.sirena.intro')}</Text>
        <Alert color="yellow" variant="light">{t('exports.sirena.identified')}</Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={600} className="no-print">
          <PeriodInputs bind={period.bind} />
        </SimpleGrid>
        <Group className="no-print">
          {SIRENA_FILES.map((file) => (
            <DownloadButton
              key={file}
              path={query ? sirenaPath(facilityId, file, query) : ''}
              fileName={`sirena-${file}.csv`}
              disabled={query === null}
              onFailure={period.showFailure}
            >
              {t(`exports.sirena.${file}`)}
            </DownloadButton>
          ))}
        </Group>
      </Stack>
    </Section>
  );
}

function FhirSection({ facilityId, unitName, unitCode }: { facilityId: string; unitName: string; unitCode: string }) {
  const { t } = useTranslation();
  const period = usePeriod('fhir', 'fhir');
  const query = period.check.ok ? period.check.query : null;
  return (
    <Section id="export-fhir" title={`${t('exports.fhir.title')} · ${unitName}`}>
      <Stack gap="sm">
        <Text size="sm">{t('exports.fhir.intro')}</Text>
        <Alert color="blue" variant="light">{t('exports.fhir.consentNote')}</Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={600} className="no-print">
          <PeriodInputs bind={period.bind} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">{t('exports.fhir.maxDays')}</Text>
        <Group className="no-print">
          <DownloadButton
            path={query ? fhirExportPath(facilityId, query) : ''}
            fileName={`fhir-${unitCode}.ndjson`}
            disabled={query === null}
            onFailure={period.showFailure}
          >
            {t('exports.fhir.download')}
          </DownloadButton>
        </Group>
      </Stack>
    </Section>
  );
}
