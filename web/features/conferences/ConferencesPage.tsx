import { Anchor, Badge, Button, Group, Paper, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CONFERENCE_DECISIONS } from '../../../shared/contracts/conferences.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PagedQueryView } from '../../components/PagedQueryView.tsx';
import { usePageAddress } from '../../components/useListAddress.ts';
import { conferenceKeys, fetchConferences } from './api.ts';
import { DECISION_COLOR } from './form.ts';

/** A unit's case conferences, newest first, with how many people were discussed and what was decided. */
export function ConferencesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several, choose } = useChosenFacility('clinical.read');
  const { page, setPage } = usePageAddress();
  const facilityId = facility?.id ?? '';
  const list = useQuery({
    queryKey: conferenceKeys.list(facilityId, page),
    queryFn: ({ signal }) => fetchConferences(facilityId, page, signal),
    enabled: facility !== null,
    placeholderData: keepPreviousData,
  });
  const canManage = can('conference.manage', facility?.id);

  if (!facility) {
    return (
      <>
        <PageTitle title={t('care.conferences.title')} />
        <EmptyState title={t('care.conferences.noFacilityTitle')} description={t('care.conferences.noFacilityHelp')} />
      </>
    );
  }
  const newLink = `/konferensi/baru?upt=${encodeURIComponent(facility.id)}`;

  return (
    <>
      <PageTitle
        title={t('care.conferences.title')}
        subtitle={several ? t('care.conferences.subtitle') : `${facility.name} · ${t('care.conferences.subtitle')}`}
        actions={canManage ? <Button component={Link} to={newLink}>{t('care.conferences.newConference')}</Button> : null}
      />
      {several ? (
        <Paper withBorder p="sm" mb="md" className="no-print">
          <FacilitySelect permission="clinical.read" label={t('care.conferences.unit')} value={facility.id} onChoose={choose} maw={360} />
        </Paper>
      ) : null}
      <PagedQueryView
        query={list}
        onPage={setPage}
        empty={(
          <EmptyState
            title={t('care.conferences.empty')}
            description={canManage ? t('care.conferences.emptyHelpManage') : t('care.conferences.emptyHelp')}
            action={canManage ? <Button component={Link} to={newLink}>{t('care.conferences.newConference')}</Button> : null}
          />
        )}
      >
        {(items) => (
          <DataTable
            minWidth={760}
            aria-label={t('care.conferences.tableLabel')}
            columns={[
              t('care.conferences.heldOn'),
              t('care.conferences.titleColumn'),
              { label: t('care.conferences.peopleCount'), align: 'right' },
              { label: t('care.conferences.attendeeCount'), align: 'right' },
              t('care.conferences.decisionsColumn'),
              t('care.conferences.createdBy'),
            ]}
          >
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.heldOn)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/konferensi/${c.id}`}>{c.title}</Anchor>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(c.peopleCount)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(c.attendeeCount)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {CONFERENCE_DECISIONS.filter((d) => c.decisions[d] > 0).map((d) => (
                        <Badge key={d} variant="light" size="sm" color={DECISION_COLOR[d]}>
                          {t(`care.conferences.decision.${d}`)}: {formatNumber(c.decisions[d])}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.createdBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
      </PagedQueryView>
    </>
  );
}
