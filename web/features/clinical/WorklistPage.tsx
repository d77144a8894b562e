import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { clinicalKeys, fetchWorklist, type WorklistItem, type WorklistParams } from './api.ts';
import { BulkScreening } from './BulkScreening.tsx';

const PAGE_SIZE = 25;
/** A session takes at most this many people (the API's largest page); a unit screens them over several sessions. */
const SESSION_MAX = 200;

function paramsFrom(search: URLSearchParams): WorklistParams {
  const page = Number(search.get('page'));
  return {
    q: search.get('q') || undefined,
    facilityId: search.get('facilityId') || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** People in the user's units never screened, newest admissions first; screen one, or all in a session. */
export function WorklistPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const params = paramsFrom(search);
  const [session, setSession] = useState<WorklistItem[] | null>(null);

  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 350);
  const urlQ = params.q ?? '';
  const [seenUrlQ, setSeenUrlQ] = useState(urlQ);
  if (urlQ !== seenUrlQ) {
    setSeenUrlQ(urlQ);
    if (urlQ !== text.trim()) setText(urlQ);
  }

  const update = (changes: Partial<Record<'q' | 'facilityId' | 'page', string>>) => {
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

  const severalFacilities = user.facilities.length > 1;
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

      <Paper withBorder p="sm" mb="md" className="no-print">
        <form role="search" onSubmit={(e) => { e.preventDefault(); update({ q: text.trim() }); }}>
          <SimpleGrid cols={{ base: 1, sm: severalFacilities ? 2 : 1 }} spacing="sm" maw={severalFacilities ? 720 : 400}>
            <TextInput
              label={t('clinical.worklist.search')}
              placeholder={t('wbp.searchPlaceholder')}
              type="search"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            {severalFacilities ? (
              <NativeSelect
                label={t('wbp.facility')}
                value={params.facilityId ?? ''}
                onChange={(e) => update({ facilityId: e.currentTarget.value })}
                data={[{ value: '', label: t('wbp.allFacilities') }, ...user.facilities.map((f) => ({ value: f.id, label: f.name }))]}
              />
            ) : null}
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
            action={
              <Button variant="light" onClick={() => { setText(''); setSearch(new URLSearchParams(), { replace: true }); }}>
                {t('common.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyState title={t('clinical.worklist.allDone')} description={t('clinical.worklist.allDoneHelp')} />
        )
      ) : data ? (
        <>
          <Table.ScrollContainer minWidth={severalFacilities ? 860 : 720}>
            <Table striped verticalSpacing="xs" aria-label={t('clinical.worklist.tableLabel')} aria-busy={list.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('wbp.fullName')}</Table.Th>
                  <Table.Th scope="col">{t('wbp.sdpNumber')}</Table.Th>
                  <Table.Th scope="col">{t('wbp.blockRoom')}</Table.Th>
                  {severalFacilities ? <Table.Th scope="col">{t('wbp.facility')}</Table.Th> : null}
                  <Table.Th scope="col">{t('wbp.admissionDate')}</Table.Th>
                  <Table.Th scope="col">{t('clinical.worklist.case')}</Table.Th>
                  <Table.Th scope="col" className="no-print"><span className="visually-hidden">{t('common.actions')}</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((w) => (
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
            </Table>
          </Table.ScrollContainer>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => update({ page: String(p) })} />
        </>
      ) : null}
    </>
  );
}
