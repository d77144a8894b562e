import { Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CampaignRequest } from '../../../shared/contracts/campaigns.ts';
import { AUDIENCES } from '../../../shared/domain/campaigns.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate, formatNumber, todayIso } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { pageOf, withChanges } from '../../components/useListAddress.ts';
import { type CampaignParams, campaignKeys, createCampaign, fetchCampaigns } from './api.ts';
import { type CampaignValues, campaignRequest } from './form.ts';

/** The unit's education campaigns of a period (this year unless chosen), with the totals per audience. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several, choose } = useChosenFacility('campaign.read');
  const [search, setSearch] = useSearchParams();
  const dialog = useDialog<true>();
  const facilityId = facility?.id ?? '';
  const params: CampaignParams = { from: search.get('dari') ?? `${todayIso().slice(0, 4)}-01-01`, to: search.get('sampai') ?? undefined, page: pageOf(search) };
  const list = useQuery({
    queryKey: campaignKeys.list(facilityId, params),
    queryFn: ({ signal }) => fetchCampaigns(facilityId, params, signal),
    enabled: facility !== null,
    placeholderData: keepPreviousData,
  });
  const canManage = can('campaign.manage', facility?.id);
  const update = (changes: Record<string, string | undefined>) => setSearch((prev) => withChanges(prev, changes), { replace: true });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('campaigns.title')} />
        <EmptyState title={t('campaigns.noFacilityTitle')} description={t('campaigns.noFacilityHelp')} />
      </>
    );
  }
  const newButton = canManage ? <Button onClick={(e) => dialog.open(true, e.currentTarget)}>{t('campaigns.newCampaign')}</Button> : null;

  return (
    <>
      <PageTitle title={t('campaigns.title')} subtitle={several ? t('campaigns.subtitle') : `${facility.name} · ${t('campaigns.subtitle')}`} actions={newButton} />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SimpleGrid cols={{ base: 1, sm: several ? 3 : 2 }} maw={900}>
          {several ? <FacilitySelect permission="campaign.read" label={t('campaigns.unit')} value={facility.id} onChoose={choose} /> : null}
          <TextInput type="date" label={t('campaigns.from')} value={params.from ?? ''} onChange={(e) => update({ dari: e.currentTarget.value })} />
          <TextInput type="date" label={t('campaigns.to')} value={params.to ?? ''} onChange={(e) => update({ sampai: e.currentTarget.value })} />
        </SimpleGrid>
      </Paper>
      <QueryView
        query={list}
        isEmpty={(data) => data.total === 0}
        empty={<EmptyState title={t('campaigns.empty')} description={canManage ? t('campaigns.emptyHelpManage') : t('campaigns.emptyHelp')} action={newButton} />}
      >
        {(data) => (
          <>
            <Paper withBorder p="md" mb="md">
              <Text fw={600} mb="xs">{t('campaigns.totals')}</Text>
              <SimpleGrid cols={{ base: 2, sm: 6 }}>
                <Total label={t('campaigns.campaigns')} value={data.totals.campaigns} />
                {AUDIENCES.map((a) => <Total key={a} label={t(`campaigns.audience.${a}`)} value={data.totals[a]} />)}
                <Total label={t('campaigns.all')} value={data.totals.all} />
              </SimpleGrid>
            </Paper>
            <DataTable
              minWidth={960}
              striped
              aria-label={t('campaigns.tableLabel')}
              aria-busy={list.isFetching}
              columns={[
                t('campaigns.heldOn'), t('campaigns.topic'), t('campaigns.partner'),
                ...AUDIENCES.map((a) => ({ label: t(`campaigns.audience.${a}`), align: 'right' as const })), { label: t('campaigns.total'), align: 'right' },
              ]}
            >
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.heldOn)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>{c.topic}</Text>
                      <Text size="xs" c="dimmed">{[c.place, c.facilitators.join(', ')].filter(Boolean).join(' · ')}</Text>
                    </Table.Td>
                    <Table.Td>{c.partnerName ?? '—'}</Table.Td>
                    {AUDIENCES.map((a) => <Table.Td key={a} ta="right">{formatNumber(c.audience[a])}</Table.Td>)}
                    <Table.Td ta="right" fw={600}>{formatNumber(c.total)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => update({ page: String(p) })} />
          </>
        )}
      </QueryView>
      {dialog.subject ? <CampaignDialog facilityId={facility.id} onClose={dialog.close} /> : null}
    </>
  );
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="lg" fw={600}>{formatNumber(value)}</Text>
    </div>
  );
}

const FIELDS = ['heldOn', 'place', 'topic', 'partnerId', 'wbp', 'staff', 'family', 'public', 'facilitators', 'note'] as const;

function CampaignDialog({ facilityId, onClose }: { facilityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organizations = useOrganizations();
  const form = useFormFields<CampaignValues>(
    { heldOn: todayIso(), place: '', topic: '', partnerId: '', wbp: '', staff: '', family: '', public: '', facilitators: '', note: '' }, 'campaign', FIELDS,
  );
  const save = useMutation({
    mutationFn: (body: CampaignRequest) => createCampaign(facilityId, body),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('campaigns.saved') });
      await client.invalidateQueries({ queryKey: campaignKeys.all });
      onClose();
    },
    onError: form.showFailure,
  });
  const submit = () => {
    const checked = campaignRequest(form.values, t);
    if ('errors' in checked) form.show(checked.errors);
    else save.mutate(checked.body);
  };
  return (
    <FormDialog title={t('campaigns.newCampaign')} onClose={onClose} onSubmit={submit} pending={save.isPending} error={save.error} size="lg">
      <Group grow align="flex-start">
        <TextInput type="date" label={t('campaigns.heldOn')} required data-autofocus {...form.bind('heldOn')} />
        <TextInput label={t('campaigns.place')} required maxLength={200} {...form.bind('place')} />
      </Group>
      <TextInput label={t('campaigns.topic')} required maxLength={300} {...form.bind('topic')} />
      <NativeSelect
        label={t('campaigns.partner')}
        data={[{ value: '', label: t('campaigns.noPartner') }, ...(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))]}
        {...form.bind('partnerId')}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {AUDIENCES.map((a) => <TextInput key={a} label={t(`campaigns.audience.${a}`)} inputMode="numeric" {...form.bind(a)} />)}
      </SimpleGrid>
      <Textarea label={t('campaigns.facilitators')} description={t('campaigns.facilitatorsHelp')} autosize minRows={2} {...form.bind('facilitators')} />
      <Textarea label={t('campaigns.note')} autosize minRows={2} maxLength={2000} {...form.bind('note')} />
    </FormDialog>
  );
}
