import { Anchor, Badge, Button, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUSES, type LegalStatus } from '../../../shared/contracts/common.ts';
import { WBP_CUSTODY_FILTERS, type WbpCustodyFilter } from '../../../shared/contracts/wbp.ts';
import { unitsFor } from '../../app/access.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilityFilter, ListSearch, NoMatches } from '../../components/ListSearch.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useListAddress, type ListAddress } from '../../components/useListAddress.ts';
import { fetchBlocks, fetchWbpList, wbpKeys, type WbpListParams } from './api.ts';

const PAGE_SIZE = 25;

function isLegalStatus(v: string | null): v is LegalStatus {
  return v !== null && (LEGAL_STATUSES as readonly string[]).includes(v);
}

function isCustody(v: string | null): v is WbpCustodyFilter {
  return v !== null && (WBP_CUSTODY_FILTERS as readonly string[]).includes(v);
}

const CUSTODY_LABELS = { held: 'wbp.custodyHeld', released: 'wbp.custodyReleased', all: 'wbp.custodyAll' } as const satisfies Record<WbpCustodyFilter, string>;

/** The list's settings as the API takes them, from the address. */
function paramsFrom({ search, q, page }: ListAddress): WbpListParams {
  const legal = search.get('legalStatus');
  const custody = search.get('status');
  return {
    q,
    block: search.get('block') || undefined,
    legalStatus: isLegalStatus(legal) ? legal : undefined,
    facilityId: search.get('facilityId') || undefined,
    sort: search.get('sort') === 'admission' ? 'admission' : 'name',
    // Only a choice other than the default goes in the address and the request.
    ...(isCustody(custody) && custody !== 'held' ? { custody } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
}

export function WbpListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const navigate = useNavigate();
  const address = useListAddress();
  const params = paramsFrom(address);

  const list = useQuery({
    queryKey: wbpKeys.list(params),
    queryFn: ({ signal }) => fetchWbpList(params, signal),
    placeholderData: keepPreviousData,
  });
  const blocks = useQuery({
    queryKey: wbpKeys.blocks(params.facilityId),
    queryFn: ({ signal }) => fetchBlocks(params.facilityId, signal),
    staleTime: 5 * 60_000,
  });

  // The units the register covers for this user (FacilityFilter offers the same).
  const units = unitsFor(user, 'wbp.read');
  const severalFacilities = units.length > 1;
  const filtered = !!(params.q || params.block || params.legalStatus || params.facilityId || params.custody);

  return (
    <>
      <PageTitle
        title={t('wbp.listTitle')}
        subtitle={severalFacilities ? undefined : units[0]?.name}
        actions={
          can('wbp.write') ? (
            <Button component={Link} to="/wbp/new">
              {t('wbp.add')}
            </Button>
          ) : undefined
        }
      />

      <ListSearch list={address} label={t('wbp.search')} cols={{ base: 1, sm: 2, lg: severalFacilities ? 6 : 5 }}>
        <FacilityFilter permission="wbp.read" value={params.facilityId} onChange={(facilityId) => address.update({ facilityId, block: '' })} />
        <NativeSelect
          label={t('wbp.block')}
          value={params.block ?? ''}
          onChange={(e) => address.update({ block: e.currentTarget.value })}
          data={[
            { value: '', label: t('wbp.allBlocks') },
            ...[...new Set([...(blocks.data ?? []), ...(params.block ? [params.block] : [])])].map((b) => ({ value: b, label: b })),
          ]}
        />
        <NativeSelect
          label={t('wbp.legalStatus')}
          value={params.legalStatus ?? ''}
          onChange={(e) => address.update({ legalStatus: e.currentTarget.value })}
          data={[{ value: '', label: t('wbp.allStatuses') }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legalStatus.${s}`) }))]}
        />
        <NativeSelect
          label={t('wbp.custody')}
          value={params.custody ?? 'held'}
          onChange={(e) => address.update({ status: e.currentTarget.value === 'held' ? '' : e.currentTarget.value })}
          data={WBP_CUSTODY_FILTERS.map((c) => ({ value: c, label: t(CUSTODY_LABELS[c]) }))}
        />
        <NativeSelect
          label={t('wbp.sort')}
          value={params.sort}
          onChange={(e) => address.update({ sort: e.currentTarget.value === 'admission' ? 'admission' : '' })}
          data={[
            { value: 'name', label: t('wbp.sortName') },
            { value: 'admission', label: t('wbp.sortAdmission') },
          ]}
        />
      </ListSearch>

      <QueryView
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          filtered ? (
            <NoMatches onClear={() => address.clear(['sort'])} />
          ) : (
            <EmptyState
              title={t('wbp.empty')}
              description={can('sdp.import') ? t('wbp.emptyHelpImport') : t('wbp.emptyHelp')}
              action={
                can('sdp.import') ? (
                  <Button component={Link} to="/imports/sdp" variant="light">
                    {t('nav.import')}
                  </Button>
                ) : undefined
              }
            />
          )
        }
      >
        {(data) => (
          <>
            <DataTable
              minWidth={severalFacilities ? 960 : 760}
              striped
              highlightOnHover
              aria-label={t('wbp.tableLabel')}
              aria-busy={list.isFetching}
              columns={[
                t('wbp.fullName'),
                t('wbp.sdpNumber'),
                t('wbp.legalStatus'),
                t('wbp.blockRoom'),
                severalFacilities && t('wbp.facility'),
                t('wbp.admissionDate'),
                t('wbp.expectedReleaseDate'),
              ]}
            >
              <Table.Tbody>
                {data.items.map((w) => (
                  // The name is the link (and the keyboard's way in); a click anywhere on the row does the same.
                  <Table.Tr key={w.id} className="clickable-row" onClick={() => navigate(`/wbp/${w.id}`)}>
                    <Table.Td>
                      <Anchor component={Link} to={`/wbp/${w.id}`} onClick={(e) => e.stopPropagation()} fw={500}>
                        {w.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td><Text size="sm" ff="monospace">{w.sdpNumber}</Text></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`legalStatus.${w.legalStatus}`)}</Table.Td>
                    <Table.Td>{[w.block, w.room].filter(Boolean).join(' / ') || '—'}</Table.Td>
                    {severalFacilities ? <Table.Td>{w.facilityName}</Table.Td> : null}
                    <Table.Td>{formatDate(w.admissionDate)}</Table.Td>
                    <Table.Td>
                      {w.releasedOn ? (
                        <Badge color="gray" variant="light">{t('wbp.releasedBadge', { date: formatDate(w.releasedOn) })}</Badge>
                      ) : (
                        formatDate(w.expectedReleaseDate)
                      )}
                    </Table.Td>
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
