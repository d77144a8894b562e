import { useState } from 'react';
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { unitsFor } from '../../app/access.ts';
import { useUser } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FacilityFilter, ListSearch, NoMatches } from '../../components/ListSearch.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useListAddress } from '../../components/useListAddress.ts';
import { clinicalKeys, fetchWorklist, type WorklistItem, type WorklistParams } from './api.ts';
import { BulkScreening } from './BulkScreening.tsx';

const PAGE_SIZE = 25;
/** A session takes at most this many people (the API's largest page); a unit screens them over several sessions. */
const SESSION_MAX = 200;

/** People in the user's units never screened, newest admissions first; screen one, or all in a session. */
export function WorklistPage() {
  const { t } = useTranslation();
  const user = useUser();
  const address = useListAddress();
  const params: WorklistParams = {
    q: address.q,
    facilityId: address.search.get('facilityId') || undefined,
    page: address.page,
    pageSize: PAGE_SIZE,
  };
  const [session, setSession] = useState<WorklistItem[] | null>(null);

  const list = useQuery({
    queryKey: clinicalKeys.worklist(params),
    queryFn: ({ signal }) => fetchWorklist(params, signal),
    placeholderData: keepPreviousData,
    enabled: session === null,
  });

  // The session works through a snapshot of the list as it is now (same search and unit), from the top.
  const startSession = useMutation({
    mutationFn: () => fetchWorklist({ q: params.q, facilityId: params.facilityId, page: 1, pageSize: SESSION_MAX }),
    onSuccess: (page) => {
      if (page.items.length > 0) setSession(page.items);
    },
  });

  const severalFacilities = unitsFor(user, 'screening.write').length > 1;
  const filtered = !!(params.q || params.facilityId);
  const data = list.data;

  if (session) {
    return (
      <>
        <PageTitle title={t('clinical.worklist.sessionTitle')} />
        <BulkScreening items={session} onExit={() => setSession(null)} />
      </>
    );
  }

  return (
    <>
      <PageTitle
        title={t('clinical.worklist.title')}
        subtitle={t('clinical.worklist.subtitle')}
        actions={
          <Button onClick={() => startSession.mutate()} loading={startSession.isPending} disabled={!data || data.total === 0}>
            {t('clinical.worklist.startSession')}
          </Button>
        }
      />
      <ErrorAlert error={startSession.error} />
      {data && data.total > SESSION_MAX ? (
        <Text size="sm" c="dimmed" mb="sm">{t('clinical.worklist.sessionMax', { max: SESSION_MAX })}</Text>
      ) : null}

      <ListSearch
        list={address}
        label={t('clinical.worklist.search')}
        cols={{ base: 1, sm: severalFacilities ? 2 : 1 }}
        maw={severalFacilities ? 720 : 400}
      >
        <FacilityFilter permission="screening.write" value={params.facilityId} onChange={(facilityId) => address.update({ facilityId })} />
      </ListSearch>

      <QueryView
        query={list}
        isEmpty={(page) => page.items.length === 0}
        empty={
          filtered ? (
            <NoMatches onClear={() => address.clear()} />
          ) : (
            <EmptyState title={t('clinical.worklist.allDone')} description={t('clinical.worklist.allDoneHelp')} />
          )
        }
      >
        {(page) => (
          <>
            <DataTable
              minWidth={severalFacilities ? 860 : 720}
              striped
              aria-label={t('clinical.worklist.tableLabel')}
              aria-busy={list.isFetching}
              columns={[
                t('wbp.fullName'),
                t('wbp.sdpNumber'),
                t('wbp.blockRoom'),
                severalFacilities && t('wbp.facility'),
                t('wbp.admissionDate'),
                t('clinical.worklist.case'),
                { label: t('common.actions'), hidden: true, className: 'no-print' },
              ]}
            >
              <Table.Tbody>
                {page.items.map((w) => (
                  <Table.Tr key={w.wbpId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/wbp/${w.wbpId}`} fw={500}>{w.fullName}</Anchor>
                    </Table.Td>
                    <Table.Td><Text size="sm" ff="monospace">{w.sdpNumber}</Text></Table.Td>
                    <Table.Td>{[w.block, w.room].filter(Boolean).join(' / ') || '—'}</Table.Td>
                    {severalFacilities ? <Table.Td>{w.facilityName}</Table.Td> : null}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(w.admissionDate)}</Table.Td>
                    <Table.Td>
                      {w.drugCase ? (
                        <Badge color="grape.9" variant="outline" tt="none">{t('clinical.worklist.drugCase')}</Badge>
                      ) : (
                        <Text size="sm" c="dimmed">{t('clinical.worklist.otherCase')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td className="no-print">
                      <Button
                        component={Link}
                        to={`/wbp/${w.wbpId}/skrining/baru`}
                        size="xs"
                        variant="light"
                        aria-label={t('clinical.worklist.screenPerson', { name: w.fullName })}
                      >
                        {t('clinical.worklist.screen')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
            <Pagination page={page.page} pageSize={page.pageSize} total={page.total} onChange={(p) => address.update({ page: String(p) })} />
          </>
        )}
      </QueryView>
    </>
  );
}
