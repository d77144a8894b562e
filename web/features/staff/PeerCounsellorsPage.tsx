import { useState } from 'react';
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PEER_END_REASONS, type EndPeerCounsellorRequest, type PeerCounsellorRecord, type PeerCounsellorRequest } from '../../../shared/contracts/staff.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { ListSearch, NoMatches } from '../../components/ListSearch.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { useListAddress } from '../../components/useListAddress.ts';
import { appointPeer, endPeer, fetchCandidates, fetchPeers, fetchProgrammes, type PeerParams, staffKeys } from './api.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { NoUnit, UnitHeading } from './UnitHeading.tsx';

const STATUSES = ['active', 'ended', 'all'] as const;
const isStatus = (v: string | null): v is PeerParams['status'] => STATUSES.some((s) => s === v);

/** The unit's peer counsellors: training status, the groups they support, their service. */
export function PeerCounsellorsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several, choose } = useChosenFacility('training.read');
  const address = useListAddress();
  const adding = useDialog<true>();
  const ending = useDialog<PeerCounsellorRecord>();
  const facilityId = facility?.id ?? '';
  const status = address.search.get('status');
  const params: PeerParams = { q: address.q, status: isStatus(status) ? status : 'active', page: address.page };
  const list = useQuery({
    queryKey: staffKeys.peers(facilityId, params),
    queryFn: ({ signal }) => fetchPeers(facilityId, params, signal),
    enabled: facility !== null,
    placeholderData: keepPreviousData,
  });
  const canManage = can('training.manage', facility?.id);

  if (!facility) return <NoUnit title={t('staff.peers.title')} />;
  const addButton = canManage ? <Button onClick={(e) => adding.open(true, e.currentTarget)}>{t('staff.peers.add')}</Button> : null;

  return (
    <>
      <UnitHeading
        title={t('staff.peers.title')} subtitle={t('staff.peers.subtitle')} actions={addButton}
        permission="training.read" facility={facility} several={several} choose={choose}
      />
      <ListSearch list={address} label={t('staff.peers.search')} cols={{ base: 1, sm: 2 }} maw={720}>
        <NativeSelect
          label={t('staff.peers.status')}
          value={params.status}
          onChange={(e) => address.update({ status: e.currentTarget.value === 'active' ? undefined : e.currentTarget.value })}
          data={STATUSES.map((s) => ({ value: s, label: t(`staff.peers.statusName.${s}`) }))}
        />
      </ListSearch>
      <QueryView
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={params.q || params.status !== 'active' ? <NoMatches onClear={() => address.clear()} /> : (
          <EmptyState title={t('staff.peers.empty')} description={canManage ? t('staff.peers.emptyHelpManage') : t('staff.peers.emptyHelp')} action={addButton} />
        )}
      >
        {(data) => (
          <>
            <DataTable
              minWidth={860}
              striped
              aria-label={t('staff.peers.tableLabel')}
              aria-busy={list.isFetching}
              columns={[t('staff.peers.name'), t('staff.peers.training'), t('staff.peers.groups'), t('staff.peers.period'), ...(canManage ? [''] : [])]}
            >
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/wbp/${p.wbpId}`} fw={500}>{p.fullName}</Anchor>
                      <Text size="xs" ff="monospace" c="dimmed">{p.sdpNumber}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={p.trainingStatus === 'trained' ? 'teal' : 'yellow'}>{t(`staff.peers.trainingStatus.${p.trainingStatus}`)}</Badge>
                      {p.trainingId ? <Anchor component={Link} to={`/pelatihan/${p.trainingId}`} size="xs" display="block">{p.trainingTitle}</Anchor> : null}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {p.groups.map((g, i) => (
                          <Text key={i} size="sm">{[g.programmeName, g.groupLabel, g.description].filter(Boolean).join(' · ')}</Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {p.endedOn ? (
                        <>
                          <Text size="sm">{formatDate(p.startedOn)} – {formatDate(p.endedOn)}</Text>
                          {p.endReason ? <Text size="xs" c="dimmed">{t(`staff.peers.reason.${p.endReason}`)}</Text> : null}
                        </>
                      ) : <Text size="sm">{t('staff.peers.since', { date: formatDate(p.startedOn) })}</Text>}
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        {p.endedOn ? null : <Button size="xs" variant="light" color="red" onClick={(e) => ending.open(p, e.currentTarget)}>{t('staff.peers.end')}</Button>}
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
      {adding.subject ? <AppointDialog facilityId={facility.id} onClose={adding.close} /> : null}
      {ending.subject ? <EndDialog peer={ending.subject} onClose={ending.close} /> : null}
    </>
  );
}

interface AppointValues { candidate: string; startedOn: string; programmeId: string; groupLabel: string; description: string }
const APPOINT_FIELDS = ['candidate', 'startedOn', 'programmeId', 'groupLabel', 'description'] as const;

function AppointDialog({ facilityId, onClose }: { facilityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const candidates = useQuery({ queryKey: staffKeys.candidates(facilityId), queryFn: ({ signal }) => fetchCandidates(facilityId, signal) });
  const programmes = useQuery({ queryKey: staffKeys.programmes(facilityId), queryFn: ({ signal }) => fetchProgrammes(facilityId, signal) });
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const form = useFormFields<AppointValues>({ candidate: '', startedOn: todayIso(), programmeId: '', groupLabel: '', description: '' }, 'peer', APPOINT_FIELDS);
  const save = useMutation({
    mutationFn: (body: PeerCounsellorRequest) => appointPeer(facilityId, body),
    onSuccess: async (made) => {
      notifications.show({ color: 'teal', message: t('staff.peers.saved', { name: made.fullName }) });
      await client.invalidateQueries({ queryKey: staffKeys.all });
      onClose();
    },
    onError: form.showFailure,
  });
  const v = form.values;
  const candidate = candidates.data?.find((c) => c.trainingParticipantId === v.candidate) ?? null;
  const wbpId = candidate?.wbpId ?? person?.id ?? '';

  const submit = () => {
    const errors: Record<string, string> = {};
    if (!wbpId) errors.candidate = t('validation.staff.required');
    if (!v.startedOn) errors.startedOn = t('validation.staff.required');
    if (!v.programmeId && !v.description.trim()) errors.description = t('validation.staff.groupRequired');
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    save.mutate({
      wbpId, trainingParticipantId: candidate?.trainingParticipantId ?? null, startedOn: v.startedOn,
      groups: [{ programmeId: v.programmeId || null, groupLabel: v.programmeId ? v.groupLabel.trim() || null : null, description: v.description.trim() || null }],
    });
  };

  return (
    <FormDialog title={t('staff.peers.add')} onClose={onClose} onSubmit={submit} pending={save.isPending} error={save.error} size="lg">
      <NativeSelect
        label={t('staff.peers.candidate')}
        description={t('staff.peers.candidateHelp')}
        data-autofocus
        data={[
          { value: '', label: t('staff.peers.noCandidate') },
          ...(candidates.data ?? []).map((c) => ({
            value: c.trainingParticipantId, label: `${c.fullName} · ${c.sdpNumber} · ${c.trainingTitle} (${c.result ? t(`staff.result.${c.result}`) : t('staff.result.none')})`,
          })),
        ]}
        {...form.bind('candidate')}
      />
      {candidate ? null : (
        <>
          <PersonPicker id="peer-person" facilityId={facilityId} label={t('staff.peers.person')} chosen={new Set(person ? [person.id] : [])}
            onChoose={(p) => setPerson({ id: p.id, name: p.fullName })} />
          {person ? <Text size="sm">{t('staff.peers.person')}: <b>{person.name}</b></Text> : null}
        </>
      )}
      <TextInput type="date" label={t('staff.peers.startedOn')} required {...form.bind('startedOn')} />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('staff.peers.programme')}
          data={[{ value: '', label: t('staff.peers.noProgramme') }, ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          {...form.bind('programmeId')}
        />
        <TextInput label={t('staff.peers.groupLabel')} disabled={!v.programmeId} maxLength={60} {...form.bind('groupLabel')} />
      </Group>
      <TextInput label={t('staff.peers.description')} maxLength={200} {...form.bind('description')} />
    </FormDialog>
  );
}

interface EndValues { endedOn: string; reason: string; note: string }

function EndDialog({ peer, onClose }: { peer: PeerCounsellorRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormFields<EndValues>({ endedOn: todayIso(), reason: 'stepped_down', note: '' }, 'peer-end', ['endedOn', 'reason', 'note']);
  const save = useConfirmedSave({
    save: (body: EndPeerCounsellorRequest) => endPeer(peer.id, body),
    onSaved: async () => {
      notifications.show({ color: 'teal', message: t('staff.peers.ended', { name: peer.fullName }) });
      await client.invalidateQueries({ queryKey: staffKeys.all });
      onClose();
    },
    onFailed: form.showFailure,
  });
  const submit = () => {
    if (!form.values.endedOn) {
      form.show({ endedOn: t('validation.staff.required') });
      return;
    }
    save.ask({ endedOn: form.values.endedOn, reason: form.values.reason as EndPeerCounsellorRequest['reason'], note: form.values.note.trim() || null });
  };
  return (
    <>
      <FormDialog title={`${t('staff.peers.endTitle')}: ${peer.fullName}`} onClose={onClose} onSubmit={submit} pending={save.mutation.isPending} error={save.mutation.error}
        submitLabel={t('staff.peers.end')} submitColor="red">
        <TextInput type="date" label={t('staff.peers.endedOn')} required data-autofocus {...form.bind('endedOn')} />
        <NativeSelect label={t('staff.peers.endReason')} data={PEER_END_REASONS.map((r) => ({ value: r, label: t(`staff.peers.reason.${r}`) }))} {...form.bind('reason')} />
        <Textarea label={t('staff.peers.endNote')} autosize minRows={2} maxLength={1000} {...form.bind('note')} />
      </FormDialog>
      <ConfirmDialog {...save.confirm} color="red" confirmLabel={t('staff.peers.end')} message={t('staff.peers.confirmEnd', { name: peer.fullName })} />
    </>
  );
}
