import type { FormEvent } from 'react';
import { Button, Code, Group, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { auditQuery, type AuditQuery } from '../../../shared/contracts/admin.ts';
import { formatDateTime } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { adminKeys, fetchAudit } from './api.ts';

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;
const PAGE_SIZE = 50;

function filtersFrom(search: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Filters;
}

/** The address holds the filters; anything the schema rejects there is simply left out. */
function queryFrom(search: URLSearchParams): AuditQuery {
  const raw: Record<string, string> = { page: search.get('page') ?? '1', pageSize: String(PAGE_SIZE) };
  for (const k of FILTERS) {
    const v = search.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = auditQuery.safeParse(raw);
  return parsed.success ? parsed.data : { page: 1, pageSize: PAGE_SIZE };
}

export function AuditPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const query = queryFrom(search);
  const filters = filtersFrom(search);

  const audit = useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData,
  });

  const data = audit.data;
  return (
    <>
      <PageTitle title={t('admin.auditTitle')} subtitle={t('admin.auditSubtitle')} />
      {/* The filters start from the address, again whenever it changes (a search, Back, the menu link). */}
      <AuditFilters key={FILTERS.map((k) => filters[k]).join('\n')} initial={filters} onSearch={(next) => setSearch(next)} />
      <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      {audit.isPending ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <EmptyState title={t('admin.auditEmpty')} />
      ) : data ? (
        <>
          <DataTable
            minWidth={900}
            striped
            aria-label={t('admin.auditTitle')}
            aria-busy={audit.isFetching}
            columns={[
              t('admin.auditAt'),
              t('admin.auditActor'),
              t('admin.auditAction'),
              t('admin.auditEntity'),
              t('admin.auditFacility'),
              t('admin.auditIp'),
              t('admin.auditDetails'),
            ]}
          >
            <Table.Tbody>
              {data.items.map((a) => {
                const details = Object.keys(a.details).length > 0 ? JSON.stringify(a.details) : '';
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at)}</Table.Td>
                    <Table.Td>{a.actorUsername ?? t('admin.auditSystem')}</Table.Td>
                    <Table.Td><Code>{a.action}</Code></Table.Td>
                    <Table.Td>
                      {a.entityType}
                      {a.entityId ? <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{a.entityId}</Text> : null}
                    </Table.Td>
                    <Table.Td>{a.facilityName ?? '—'}</Table.Td>
                    <Table.Td ff="monospace">{a.ip ?? '—'}</Table.Td>
                    <Table.Td maw={320}>
                      {details ? (
                        <Text size="xs" ff="monospace" lineClamp={3} title={details} style={{ overflowWrap: 'anywhere' }}>
                          {details}
                        </Text>
                      ) : '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </DataTable>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onChange={(p) => setSearch((prev) => { const next = new URLSearchParams(prev); next.set('page', String(p)); return next; })}
          />
        </>
      ) : null}
    </>
  );
}

/** The search form; a search writes the filters into the address, which the list reads. */
function AuditFilters({ initial, onSearch }: { initial: Filters; onSearch: (search: URLSearchParams) => void }) {
  const { t } = useTranslation();
  const { values, setValues, show, bind } = useFormFields<Filters>(initial, 'audit', FILTERS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, string> = {};
    for (const k of FILTERS) if (values[k].trim()) input[k] = values[k].trim();
    const parsed = validate(auditQuery, input);
    if (!parsed.ok) return show(parsed.errors);
    if (input.from && input.to && input.from > input.to) return show({ to: t('admin.toBeforeFrom') });
    show({});
    onSearch(new URLSearchParams(input));
  };

  const clear = () => {
    setValues(filtersFrom(new URLSearchParams()));
    show({});
    onSearch(new URLSearchParams());
  };

  const field = (k: Filter, label: string, type: 'text' | 'date' = 'text') => <TextInput key={k} {...bind(k)} label={label} type={type} />;

  return (
    <Paper withBorder p="sm" mb="md" className="no-print">
      <form onSubmit={submit} noValidate role="search" aria-label={t('admin.auditFilters')}>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="sm">
          {field('actor', t('admin.auditActor'))}
          {field('action', t('admin.auditAction'))}
          {field('entityType', t('admin.auditEntityType'))}
          {field('entityId', t('admin.auditEntityId'))}
          {field('from', t('admin.auditFrom'), 'date')}
          {field('to', t('admin.auditTo'), 'date')}
        </SimpleGrid>
        <Group mt="sm" gap="xs">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="default" onClick={clear}>{t('common.clearFilters')}</Button>
        </Group>
      </form>
    </Paper>
  );
}
