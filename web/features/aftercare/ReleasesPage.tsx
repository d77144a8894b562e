import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { aftercareKeys, fetchLookAhead, type LookAhead } from './api.ts';

const WINDOWS = ['1', '2', '3'] as const;

/** Who is expected to leave the unit in the next 1, 2 or 3 months, with their rehabilitation status; printable. */
export function ReleasesPage() {
  const { t } = useTranslation();
  const { facility, several, search, setParam, choose } = useChosenFacility('clinical.read');
  const chosen = search.get('bulan');
  const months = chosen === '2' || chosen === '3' ? Number(chosen) : 1;

  const lookAhead = useQuery({
    queryKey: aftercareKeys.lookAhead(facility?.id ?? '', months),
    queryFn: ({ signal }) => fetchLookAhead(facility!.id, months, signal),
    enabled: facility !== null,
    placeholderData: keepPreviousData,
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('aftercare.lookAhead.title')} />
        <EmptyState title={t('aftercare.lookAhead.noFacilityTitle')} description={t('aftercare.lookAhead.noFacilityHelp')} />
      </>
    );
  }

  return (
    <>
      <PageTitle
        title={t('aftercare.lookAhead.title')}
        subtitle={t('aftercare.lookAhead.subtitle')}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      <Group mb="md" align="flex-end" gap="sm" className="no-print">
        {several ? <FacilitySelect permission="clinical.read" id="releases-unit" label={t('aftercare.lookAhead.unit')} value={facility.id} onChoose={choose} /> : null}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="releases-months-label">{t('aftercare.lookAhead.months')}</Text>
          <SegmentedControl
            aria-labelledby="releases-months-label"
            value={String(months)}
            onChange={(v) => setParam('bulan', v === '1' ? null : v)}
            data={WINDOWS.map((w) => ({ value: w, label: t('aftercare.lookAhead.monthsOption', { count: Number(w) }) }))}
          />
        </Stack>
      </Group>
      <Text className="print-only" fw={600} mb="xs">{facility.name}</Text>
      <QueryView
        query={lookAhead}
        isEmpty={(d: LookAhead) => d.items.length === 0}
        empty={<EmptyState title={t('aftercare.lookAhead.empty')} description={t('aftercare.lookAhead.emptyHelp')} />}
      >
        {(data: LookAhead) => (
          <>
            <Text size="sm" c="dimmed" mb="xs">{t('aftercare.lookAhead.period', { from: formatDate(data.from), until: formatDate(data.until) })}</Text>
            <DataTable
              minWidth={860}
              aria-label={t('aftercare.lookAhead.tableLabel')}
              columns={[t('aftercare.lookAhead.person'), t('aftercare.lookAhead.expectedOn'), t('aftercare.lookAhead.kind'), t('aftercare.lookAhead.status'), t('aftercare.lookAhead.aftercare')]}
            >
              <Table.Tbody>
                {data.items.map((r) => (
                  <Table.Tr key={r.wbpId}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/wbp/${r.wbpId}/pembebasan`} size="sm" fw={500}>{r.fullName}</Anchor>
                      <Text size="xs" c="dimmed">{r.sdpNumber}{r.block ? ` · ${r.block}` : ''}</Text>
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.expectedOn)}</Table.Td>
                    <Table.Td>
                      {r.kind ? <Text size="sm">{t(`aftercare.releaseKind.${r.kind}`)}</Text> : <Text size="sm" c="dimmed">{t('aftercare.lookAhead.fromRegister')}</Text>}
                      {r.decisionNumber && r.decisionDate ? (
                        <Text size="xs" c="dimmed">{t('aftercare.lookAhead.decision', { number: r.decisionNumber, date: formatDate(r.decisionDate) })}</Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {r.className ? <Text size="sm">{t('aftercare.lookAhead.className', { name: r.className })}</Text> : null}
                      <Text size="sm">{r.programmeName ?? t('aftercare.lookAhead.noProgramme')}</Text>
                      {r.phase ? <Text size="xs" c="dimmed">{t('aftercare.lookAhead.phase', { name: r.phase })}</Text> : null}
                      {r.lastOutcome ? <Text size="xs" c="dimmed">{t('aftercare.lookAhead.lastOutcome', { name: r.lastOutcome })}</Text> : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="light" color={r.consentCount > 0 ? 'teal' : 'gray'}>
                          {r.consentCount > 0 ? t('aftercare.lookAhead.consents', { count: r.consentCount }) : t('aftercare.lookAhead.noConsent')}
                        </Badge>
                        <Badge variant="light" color={r.hasReferral ? 'teal' : 'red'}>
                          {r.hasReferral ? t('aftercare.lookAhead.referred') : t('aftercare.lookAhead.notReferred')}
                        </Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
          </>
        )}
      </QueryView>
    </>
  );
}
