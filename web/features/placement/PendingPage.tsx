import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { fetchPending, placementKeys, type PendingDecision } from './api.ts';
import { ClassBadge } from './ClassBadge.tsx';
import { DecisionModal } from './DecisionModal.tsx';

/** Overdue first, then the nearest due date; people without a due date last. */
function compare(a: PendingDecision, b: PendingDecision): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.dueOn ?? '9999-12-31';
  const db = b.dueOn ?? '9999-12-31';
  return da.localeCompare(db) || a.fullName.localeCompare(b.fullName, 'id');
}

/** People with a signed assessment waiting for the head of unit's placement decree (service standard: 14 working days). */
export function PendingPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canSign = can('decision.sign');
  const { facility, several, choose } = useChosenFacility('clinical.read');
  const facilityId = facility?.id ?? '';
  const deciding = useDialog<PendingDecision>();

  const pending = useQuery({
    queryKey: placementKeys.pending(facilityId),
    queryFn: ({ signal }) => fetchPending(facilityId, signal),
    enabled: facility !== null,
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('placement.title')} />
        <EmptyState title={t('placement.noFacilityTitle')} description={t('placement.noFacilityHelp')} />
      </>
    );
  }

  const items = [...(pending.data ?? [])].sort(compare);
  const overdue = items.filter((i) => i.overdue).length;

  let body: ReactNode = null;
  if (pending.isPending) body = <Loading />;
  else if (pending.data && items.length === 0) {
    body = <EmptyState title={t('placement.emptyTitle')} description={t('placement.emptyHelp')} />;
  } else if (pending.data) {
    body = (
      <>
        <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
          {t('placement.summary', { count: items.length, overdue })}
        </Text>
        <DataTable
          minWidth={900}
          striped
          fz="sm"
          aria-busy={pending.isFetching}
          aria-label={t('placement.tableLabel', { unit: facility.name })}
          columns={[
            t('placement.person'), t('placement.finalClass'), t('placement.recommendation'), t('placement.screenedOn'), t('placement.due'),
            canSign && { label: t('common.actions'), className: 'no-print' },
          ]}
        >
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.assessmentId} style={p.overdue ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/wbp/${p.wbpId}/klinis`}>{p.fullName}</Anchor>
                  <Text size="xs" c="dimmed">{t('placement.sdp', { number: p.sdpNumber })}</Text>
                </Table.Th>
                <Table.Td><ClassBadge value={p.finalClass} /></Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.recommendedTypes.length > 0
                      ? p.recommendedTypes.map((type) => t(`clinical.rehabType.${type}`, { defaultValue: type })).join(', ')
                      : '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.recommendedPlace ? t(`clinical.place.${p.recommendedPlace}`) : t('placement.noPlace')}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDate(p.screenedOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t('placement.dueOn', { date: formatDate(p.dueOn) })}</Text>
                  {p.overdue ? (
                    <Badge color="red.8" variant="filled" tt="none" mt={4}>{t('placement.overdue')}</Badge>
                  ) : p.workingDaysLeft !== null ? (
                    <Text size="xs" c={p.workingDaysLeft <= 3 ? 'orange.9' : 'dimmed'}>
                      {t('placement.daysLeft', { count: p.workingDaysLeft, formatted: formatNumber(p.workingDaysLeft) })}
                    </Text>
                  ) : null}
                </Table.Td>
                {canSign ? (
                  <Table.Td className="no-print">
                    <Button
                      size="xs"
                      aria-label={t('placement.decideAria', { name: p.fullName })}
                      onClick={(e) => deciding.open(p, e.currentTarget)}
                    >
                      {t('placement.decide')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      </>
    );
  }

  return (
    <>
      <PageTitle
        title={t('placement.title')}
        subtitle={several ? t('placement.subtitle') : `${facility.name} · ${t('placement.subtitle')}`}
        actions={items.length > 0 ? <Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button> : null}
      />
      {several ? (
        <Paper withBorder p="sm" mb="md" className="no-print">
          <FacilitySelect permission="clinical.read" label={t('placement.unit')} value={facility.id} onChoose={choose} maw={420} />
        </Paper>
      ) : null}
      <ErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />
      {body}
      {deciding.subject ? (
        <DecisionModal key={deciding.subject.assessmentId} facility={facility} person={deciding.subject} onClose={deciding.close} />
      ) : null}
    </>
  );
}
