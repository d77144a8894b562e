import { Anchor, Button, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TRAINING_KINDS } from '../../../shared/contracts/staff.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListSearch, NoMatches } from '../../components/ListSearch.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useListAddress } from '../../components/useListAddress.ts';
import { fetchTrainings, staffKeys, type TrainingParams } from './api.ts';
import { NoUnit, UnitHeading } from './UnitHeading.tsx';

/** The unit's trainings, newest first, with participants and completions counted. */
export function TrainingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several, choose } = useChosenFacility('training.read');
  const address = useListAddress();
  const facilityId = facility?.id ?? '';
  const params: TrainingParams = { q: address.q, kind: address.search.get('kind') ?? undefined, page: address.page };
  const list = useQuery({
    queryKey: staffKeys.trainings(facilityId, params),
    queryFn: ({ signal }) => fetchTrainings(facilityId, params, signal),
    enabled: facility !== null,
    placeholderData: keepPreviousData,
  });
  const canManage = can('training.manage', facility?.id);

  if (!facility) return <NoUnit title={t('staff.trainings.title')} />;
  const newButton = canManage ? <Button component={Link} to={`/pelatihan/baru?upt=${encodeURIComponent(facility.id)}`}>{t('staff.trainings.newTraining')}</Button> : null;
  const filtered = !!(params.q || params.kind);

  return (
    <>
      <UnitHeading
        title={t('staff.trainings.title')} subtitle={t('staff.trainings.subtitle')} actions={newButton}
        permission="training.read" facility={facility} several={several} choose={choose}
      />
      <ListSearch list={address} label={t('staff.trainings.search')} cols={{ base: 1, sm: 2 }} maw={720}>
        <NativeSelect
          label={t('staff.trainings.kindFilter')}
          value={params.kind ?? ''}
          onChange={(e) => address.update({ kind: e.currentTarget.value })}
          data={[{ value: '', label: t('staff.trainings.allKinds') }, ...TRAINING_KINDS.map((k) => ({ value: k, label: t(`staff.trainingKind.${k}`) }))]}
        />
      </ListSearch>
      <QueryView
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={filtered ? <NoMatches onClear={() => address.clear()} /> : (
          <EmptyState title={t('staff.trainings.empty')} description={canManage ? t('staff.trainings.emptyHelpManage') : t('staff.trainings.emptyHelp')} action={newButton} />
        )}
      >
        {(data) => (
          <>
            <DataTable
              minWidth={860}
              striped
              aria-label={t('staff.trainings.tableLabel')}
              aria-busy={list.isFetching}
              columns={[
                t('staff.trainings.dates'), t('staff.trainings.titleColumn'), t('staff.trainings.organizer'), { label: t('staff.trainings.hours'), align: 'right' },
                { label: t('staff.trainings.participants'), align: 'right' }, { label: t('staff.trainings.completed'), align: 'right' },
              ]}
            >
              <Table.Tbody>
                {data.items.map((tr) => (
                  <Table.Tr key={tr.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(tr.startsOn)}{tr.endsOn !== tr.startsOn ? ` – ${formatDate(tr.endsOn)}` : ''}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/pelatihan/${tr.id}`} fw={500}>{tr.title}</Anchor>
                      <Text size="xs" c="dimmed">{t(`staff.trainingKind.${tr.kind}`)} · {tr.place}</Text>
                    </Table.Td>
                    <Table.Td>{tr.organizerName ?? '—'}</Table.Td>
                    <Table.Td ta="right">{formatNumber(tr.hours, 1)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(tr.participants)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(tr.completed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => address.update({ page: String(p) })} />
          </>
        )}
      </QueryView>
    </>
  );
}
