import { Anchor, Button, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '../../../shared/contracts/agreements.ts';
import { useAuth } from '../../app/auth.tsx';
import { AgreementStatusBadge } from '../../components/AgreementStatus.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListSearch, NoMatches } from '../../components/ListSearch.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PagedQueryView } from '../../components/PagedQueryView.tsx';
import { useListAddress, type ListAddress } from '../../components/useListAddress.ts';
import { agreementKeys, fetchAgreements, type AgreementListParams } from './api.ts';
import { isAgreementStatus } from './form.ts';
import { ScopeList, validity } from './parts.tsx';

function paramsFrom({ search, q, page }: ListAddress): AgreementListParams {
  const status = search.get('status');
  return { q, status: isAgreementStatus(status) ? status : undefined, page };
}

/** The partnership agreements the user may see, searchable by number, title or party and filtered by status. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const address = useListAddress();
  const params = paramsFrom(address);
  const list = useQuery({
    queryKey: agreementKeys.list(params),
    queryFn: ({ signal }) => fetchAgreements(params, signal),
    placeholderData: keepPreviousData,
  });
  const canManage = can('agreement.manage');
  const filtered = !!(params.q || params.status);
  const newButton = canManage ? <Button component={Link} to="/perjanjian/baru">{t('agreements.newAgreement')}</Button> : null;

  return (
    <>
      <PageTitle title={t('agreements.title')} subtitle={t('agreements.subtitle')} actions={newButton} />
      <ListSearch list={address} label={t('agreements.search')} cols={{ base: 1, sm: 2 }} maw={720}>
        <NativeSelect
          label={t('agreements.status')}
          value={params.status ?? ''}
          onChange={(e) => address.update({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('agreements.allStatuses') }, ...AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.statusName.${s}`) }))]}
        />
      </ListSearch>
      <PagedQueryView
        query={list}
        onPage={(p) => address.update({ page: String(p) })}
        empty={filtered ? (
          <NoMatches onClear={() => address.clear()} />
        ) : (
          <EmptyState
            title={t('agreements.empty')}
            description={canManage ? t('agreements.emptyHelpManage') : t('agreements.emptyHelp')}
            action={newButton}
          />
        )}
      >
        {(items) => (
          <DataTable
            minWidth={980}
            striped
            aria-label={t('agreements.tableLabel')}
            aria-busy={list.isFetching}
            columns={[
              t('agreements.number'),
              t('agreements.titleField'),
              t('agreements.parties'),
              t('agreements.scopes'),
              t('agreements.validity'),
              t('agreements.status'),
            ]}
          >
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/perjanjian/${a.id}`} fw={500} ff="monospace" size="sm">{a.number}</Anchor>
                    <Text size="xs" c="dimmed">{t(`agreements.kindShort.${a.kind}`)}</Text>
                  </Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td><Text size="sm">{a.parties.map((p) => p.name).join('; ')}</Text></Table.Td>
                  <Table.Td><ScopeList scopes={a.scopes} /></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{validity(t, a)}</Table.Td>
                  <Table.Td miw={150}><AgreementStatusBadge agreement={a} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
      </PagedQueryView>
    </>
  );
}
