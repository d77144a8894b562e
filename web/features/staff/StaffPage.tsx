import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QUALIFICATION_KINDS } from '../../../shared/contracts/clinical.ts';
import type { StaffMember } from '../../../shared/contracts/staff.ts';
import { QUALIFICATION_STATES } from '../../../shared/domain/staff.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { ListSearch, NoMatches } from '../../components/ListSearch.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { useListAddress } from '../../components/useListAddress.ts';
import { fetchStaff, recordQualification, staffKeys, type StaffParams } from './api.ts';
import { STATE_COLOR, type QualificationValues, qualificationRequest } from './form.ts';
import { NoUnit, UnitHeading } from './UnitHeading.tsx';

/** The unit's staff and its partners' staff with every qualification, its expiry and state. */
export function StaffPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several, choose } = useChosenFacility('staff.read');
  const address = useListAddress();
  const dialog = useDialog<StaffMember>();
  const facilityId = facility?.id ?? '';
  const params: StaffParams = {
    q: address.q, kind: address.search.get('kind') ?? undefined, state: address.search.get('state') ?? undefined, page: address.page,
  };
  const list = useQuery({
    queryKey: staffKeys.directory(facilityId, params),
    queryFn: ({ signal }) => fetchStaff(facilityId, params, signal),
    enabled: facility !== null,
    placeholderData: keepPreviousData,
  });
  const canManage = can('staff.manage');

  if (!facility) return <NoUnit title={t('staff.directory.title')} />;
  const filtered = !!(params.q || params.kind || params.state);

  return (
    <>
      <UnitHeading title={t('staff.directory.title')} subtitle={t('staff.directory.subtitle')} permission="staff.read" facility={facility} several={several} choose={choose} />
      <ListSearch list={address} label={t('staff.directory.search')} cols={{ base: 1, sm: 3 }} maw={900}>
        <NativeSelect
          label={t('staff.directory.kindFilter')}
          value={params.kind ?? ''}
          onChange={(e) => address.update({ kind: e.currentTarget.value })}
          data={[{ value: '', label: t('staff.directory.allKinds') }, ...QUALIFICATION_KINDS.map((k) => ({ value: k, label: t(`staff.kind.${k}`) }))]}
        />
        <NativeSelect
          label={t('staff.directory.stateFilter')}
          value={params.state ?? ''}
          onChange={(e) => address.update({ state: e.currentTarget.value })}
          data={[{ value: '', label: t('staff.directory.allStates') }, ...QUALIFICATION_STATES.map((s) => ({ value: s, label: t(`staff.state.${s}`) }))]}
        />
      </ListSearch>
      <QueryView
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={filtered ? <NoMatches onClear={() => address.clear()} /> : <EmptyState title={t('staff.directory.empty')} description={t('staff.directory.emptyHelp')} />}
      >
        {(data) => (
          <>
            <DataTable
              minWidth={900}
              striped
              aria-label={t('staff.directory.tableLabel')}
              aria-busy={list.isFetching}
              columns={[t('staff.directory.name'), t('staff.directory.organization'), t('staff.directory.qualifications'), ...(canManage ? [''] : [])]}
            >
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>
                      <Text fw={500}>{m.fullName}</Text>
                      <Text size="xs" c="dimmed">{t(`roles.${m.role}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">{m.organizationName}</Text>
                        {m.ownStaff ? null : <Badge size="xs" variant="outline">{t('staff.directory.partner')}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {m.qualifications.length === 0 ? <Text size="sm" c="dimmed">{t('staff.directory.none')}</Text> : (
                        <Stack gap={4}>
                          {m.qualifications.map((q) => (
                            <Group key={q.id} gap={6} wrap="nowrap" opacity={q.current ? 1 : 0.6}>
                              <Badge size="sm" variant="light" color={STATE_COLOR[q.state]}>{t(`staff.state.${q.state}`)}</Badge>
                              <Text size="sm">
                                {t(`staff.kind.${q.kind}`)} · <Text span ff="monospace" size="sm">{q.number}</Text>
                                {' · '}{q.expiresOn ? t('staff.directory.until', { date: formatDate(q.expiresOn) }) : t('staff.directory.noExpiry')}
                                {q.issuer ? ` · ${q.issuer}` : ''}
                                {q.current ? '' : ` (${t('staff.directory.superseded')})`}
                              </Text>
                            </Group>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={(e) => dialog.open(m, e.currentTarget)}>{t('staff.directory.record')}</Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => address.update({ page: String(p) })} />
          </>
        )}
      </QueryView>
      {dialog.subject ? <QualificationDialog facilityId={facility.id} member={dialog.subject} onClose={dialog.close} /> : null}
    </>
  );
}

const FIELDS = ['kind', 'certificateNumber', 'issuedOn', 'expiresOn', 'issuer'] as const;

function QualificationDialog({ facilityId, member, onClose }: { facilityId: string; member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormFields<QualificationValues>({ kind: 'addiction_counsellor', certificateNumber: '', issuedOn: '', expiresOn: '', issuer: '' }, 'qualification', FIELDS);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof recordQualification>[2]) => recordQualification(facilityId, member.userId, body),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('staff.directory.saved', { name: member.fullName }) });
      await client.invalidateQueries({ queryKey: staffKeys.all });
      onClose();
    },
    onError: form.showFailure,
  });
  const submit = () => {
    const checked = qualificationRequest(form.values, t);
    if ('errors' in checked) form.show(checked.errors);
    else save.mutate(checked.body);
  };
  return (
    <FormDialog title={t('staff.directory.recordFor', { name: member.fullName })} onClose={onClose} onSubmit={submit} pending={save.isPending} error={save.error}>
      <NativeSelect label={t('staff.qualification.kind')} data={QUALIFICATION_KINDS.map((k) => ({ value: k, label: t(`staff.kind.${k}`) }))} data-autofocus {...form.bind('kind')} />
      <TextInput label={t('staff.qualification.number')} required maxLength={80} {...form.bind('certificateNumber')} />
      <Group grow>
        <TextInput type="date" label={t('staff.qualification.issuedOn')} required {...form.bind('issuedOn')} />
        <TextInput type="date" label={t('staff.qualification.expiresOn')} description={t('staff.qualification.expiresHelp')} {...form.bind('expiresOn')} />
      </Group>
      <TextInput
        label={t('staff.qualification.issuer')}
        description={form.values.kind === 'addiction_counsellor' ? t('staff.qualification.issuerHelp') : undefined}
        placeholder={form.values.kind === 'addiction_counsellor' ? 'LSP BNN' : undefined}
        maxLength={160}
        {...form.bind('issuer')}
      />
    </FormDialog>
  );
}
