import { useState, type FormEvent } from 'react';
import { Button, Code, Group, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { auditQuery, type AuditQuery } from '../../../shared/contracts/admin.ts';
import { formatDateTime } from '../../app/format.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
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
  const [form, setForm] = useState<Filters>(() => filtersFrom(search));
  const [errors, setErrors] = useState<FieldErrors>({});

  const audit = useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, string> = {};
    for (const k of FILTERS) if (form[k].trim()) input[k] = form[k].trim();
    const parsed = validate(auditQuery, input);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    if (input.from && input.to && input.from > input.to) {
      setErrors({ to: t('admin.toBeforeFrom') });
      return;
    }
    setErrors({});
    setSearch(new URLSearchParams(input));
  };

  const reset = () => {
    setForm(filtersFrom(new URLSearchParams()));
    setErrors({});
    setSearch(new URLSearchParams());
  };

  const field = (k: Filter, label: string, type: 'text' | 'date' = 'text') => (
    <TextInput
      key={k}
      label={label}
      type={type}
      value={form[k]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setForm((f) => ({ ...f, [k]: v }));
      }}
      error={errors[k]}
    />
  );

  const data = audit.data;
  return (
    <>
      <PageTitle title={t('admin.auditTitle')} subtitle={t('admin.auditSubtitle')} />
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
            <Button variant="default" onClick={reset}>{t('common.clearFilters')}</Button>
          </Group>
        </form>
      </Paper>
      <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      {audit.isPending ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <EmptyState title={t('admin.auditEmpty')} />
      ) : data ? (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" aria-label={t('admin.auditTitle')} aria-busy={audit.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.auditAt')}</Table.Th>
                  <Table.Th scope="col">{t('admin.auditActor')}</Table.Th>
                  <Table.Th scope="col">{t('admin.auditAction')}</Table.Th>
                  <Table.Th scope="col">{t('admin.auditEntity')}</Table.Th>
                  <Table.Th scope="col">{t('admin.auditFacility')}</Table.Th>
                  <Table.Th scope="col">{t('admin.auditIp')}</Table.Th>
                  <Table.Th scope="col">{t('admin.auditDetails')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
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
            </Table>
          </Table.ScrollContainer>
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
