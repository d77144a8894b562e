import { useEffect, useState } from 'react';
import { Anchor, Button, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUSES, type LegalStatus } from '../../../shared/contracts/common.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { fetchBlocks, fetchWbpList, wbpKeys, type WbpListParams } from './api.ts';

const PAGE_SIZE = 25;

function isLegalStatus(v: string | null): v is LegalStatus {
  return v !== null && (LEGAL_STATUSES as readonly string[]).includes(v);
}

/** The list's state lives in the address, so Back, reload and shared links keep the same view. */
function paramsFrom(search: URLSearchParams): WbpListParams {
  const legal = search.get('legalStatus');
  const page = Number(search.get('page'));
  return {
    q: search.get('q') || undefined,
    block: search.get('block') || undefined,
    legalStatus: isLegalStatus(legal) ? legal : undefined,
    facilityId: search.get('facilityId') || undefined,
    sort: search.get('sort') === 'admission' ? 'admission' : 'name',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

export function WbpListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = paramsFrom(search);

  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 350);
  // The address can change without typing (Back, the menu link): the search box follows it.
  const urlQ = params.q ?? '';
  const [seenUrlQ, setSeenUrlQ] = useState(urlQ);
  if (urlQ !== seenUrlQ) {
    setSeenUrlQ(urlQ);
    if (urlQ !== text.trim()) setText(urlQ);
  }

  const update = (changes: Partial<Record<'q' | 'block' | 'legalStatus' | 'facilityId' | 'sort' | 'page', string>>) => {
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if (debounced !== (search.get('q') ?? '')) update({ q: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new search term should write the address
  }, [debounced]);

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

  const severalFacilities = user.facilities.length > 1;
  const filtered = !!(params.q || params.block || params.legalStatus || params.facilityId);
  const data = list.data;

  const clearFilters = () => {
    setText('');
    setSearch(new URLSearchParams(params.sort === 'admission' ? { sort: 'admission' } : {}), { replace: true });
  };

  return (
    <>
      <PageTitle
        title={t('wbp.listTitle')}
        subtitle={severalFacilities ? undefined : user.facilities[0]?.name}
        actions={
          can('wbp.write') ? (
            <Button component={Link} to="/wbp/new">
              {t('wbp.add')}
            </Button>
          ) : undefined
        }
      />

      <Paper withBorder p="sm" mb="md" className="no-print">
        <form role="search" onSubmit={(e) => { e.preventDefault(); update({ q: text.trim() }); }}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: severalFacilities ? 5 : 4 }} spacing="sm">
            <TextInput
              label={t('wbp.search')}
              placeholder={t('wbp.searchPlaceholder')}
              type="search"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            {severalFacilities ? (
              <NativeSelect
                label={t('wbp.facility')}
                value={params.facilityId ?? ''}
                onChange={(e) => update({ facilityId: e.currentTarget.value, block: '' })}
                data={[{ value: '', label: t('wbp.allFacilities') }, ...user.facilities.map((f) => ({ value: f.id, label: f.name }))]}
              />
            ) : null}
            <NativeSelect
              label={t('wbp.block')}
              value={params.block ?? ''}
              onChange={(e) => update({ block: e.currentTarget.value })}
              data={[
                { value: '', label: t('wbp.allBlocks') },
                ...[...new Set([...(blocks.data ?? []), ...(params.block ? [params.block] : [])])].map((b) => ({ value: b, label: b })),
              ]}
            />
            <NativeSelect
              label={t('wbp.legalStatus')}
              value={params.legalStatus ?? ''}
              onChange={(e) => update({ legalStatus: e.currentTarget.value })}
              data={[{ value: '', label: t('wbp.allStatuses') }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legalStatus.${s}`) }))]}
            />
            <NativeSelect
              label={t('wbp.sort')}
              value={params.sort}
              onChange={(e) => update({ sort: e.currentTarget.value === 'admission' ? 'admission' : '' })}
              data={[
                { value: 'name', label: t('wbp.sortName') },
                { value: 'admission', label: t('wbp.sortAdmission') },
              ]}
            />
          </SimpleGrid>
        </form>
      </Paper>

      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />

      {list.isPending ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('wbp.noResults')}
            description={t('wbp.noResultsHelp')}
            action={<Button variant="light" onClick={clearFilters}>{t('common.clearFilters')}</Button>}
          />
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
      ) : data ? (
        <>
          <Table.ScrollContainer minWidth={severalFacilities ? 960 : 760}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('wbp.tableLabel')} aria-busy={list.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('wbp.fullName')}</Table.Th>
                  <Table.Th scope="col">{t('wbp.sdpNumber')}</Table.Th>
                  <Table.Th scope="col">{t('wbp.legalStatus')}</Table.Th>
                  <Table.Th scope="col">{t('wbp.blockRoom')}</Table.Th>
                  {severalFacilities ? <Table.Th scope="col">{t('wbp.facility')}</Table.Th> : null}
                  <Table.Th scope="col">{t('wbp.admissionDate')}</Table.Th>
                  <Table.Th scope="col">{t('wbp.expectedReleaseDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((w) => (
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
                    <Table.Td>{formatDate(w.expectedReleaseDate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => update({ page: String(p) })} />
        </>
      ) : null}
    </>
  );
}
