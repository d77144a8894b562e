import { useState } from 'react';
import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TRAINING_KINDS, TRAINING_RESULTS, type TrainingRequest } from '../../../shared/contracts/staff.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { withSubject } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { createTraining, fetchAllStaff, staffKeys } from './api.ts';
import { type ParticipantRow, parseHours, participantRequest } from './form.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { NoUnit } from './UnitHeading.tsx';

interface Values { title: string; kind: string; startsOn: string; endsOn: string; hours: string; organizerId: string; organizerName: string; place: string; note: string }
const FIELDS = ['title', 'kind', 'startsOn', 'endsOn', 'hours', 'organizerId', 'organizerName', 'place', 'note'] as const;

let rowKey = 0;
const newRow = (kind: ParticipantRow['kind'], more: Partial<ParticipantRow> = {}): ParticipantRow => ({
  key: `p${(rowKey += 1)}`, kind, userId: '', wbpId: '', label: '', name: '', position: '', hoursAttended: '', result: '', certificateNumber: '', ...more,
});

/** A new training with its participants (staff, people held in a peer-counsellor training, or names written out). */
export function NewTrainingPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { facility } = useChosenFacility('training.manage');
  const facilityId = facility?.id ?? '';
  const organizations = useOrganizations();
  const staff = useQuery({
    queryKey: staffKeys.everyone(facilityId), queryFn: ({ signal }) => fetchAllStaff(facilityId, signal), enabled: facility !== null && can('staff.read', facilityId),
  });
  const form = useFormFields<Values>({ title: '', kind: 'bimtek', startsOn: '', endsOn: '', hours: '', organizerId: '', organizerName: '', place: '', note: '' }, 'training', FIELDS);
  const [rows, setRows] = useState<ParticipantRow[]>([]);
  const [rowsError, setRowsError] = useState('');
  const save = useConfirmedSave({
    save: (body: TrainingRequest) => createTraining(facilityId, body),
    onSaved: async (made) => {
      notifications.show({ color: 'teal', message: t('staff.training.saved') });
      await client.invalidateQueries({ queryKey: staffKeys.all });
      navigate(`/pelatihan/${made.id}`);
    },
    onFailed: form.showFailure,
  });

  if (!facility) return <NoUnit title={t('staff.trainings.newTraining')} />;

  const change = (key: string, patch: Partial<ParticipantRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const v = form.values;
  const peerTraining = v.kind === 'peer_counsellor';

  const submit = () => {
    const errors: Record<string, string> = {};
    const required = t('validation.staff.required');
    if (!v.title.trim()) errors.title = required;
    if (!v.startsOn) errors.startsOn = required;
    if (!v.endsOn) errors.endsOn = required;
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.endsOn = t('validation.staff.endBeforeStart');
    const hours = parseHours(v.hours);
    if (hours === null || hours <= 0) errors.hours = t('validation.staff.hours');
    if (!v.place.trim()) errors.place = required;
    const participants = rows.filter((r) => peerTraining || r.kind !== 'person').map(participantRequest);
    const complete = participants.filter((p): p is NonNullable<typeof p> => p !== null);
    setRowsError(participants.length === 0 ? t('staff.training.noParticipants') : complete.length < participants.length ? t('staff.training.participantsIncomplete') : '');
    if (Object.keys(errors).length > 0 || complete.length === 0 || complete.length < participants.length || hours === null) {
      form.show(errors);
      return;
    }
    save.ask({
      title: v.title.trim(), kind: v.kind as TrainingRequest['kind'], startsOn: v.startsOn, endsOn: v.endsOn, hours, organizerId: v.organizerId || null,
      organizerName: v.organizerId ? null : v.organizerName.trim() || null, place: v.place.trim(), note: v.note.trim() || null, participants: complete,
    });
  };

  const chosenStaff = new Set(rows.map((r) => r.userId).filter(Boolean));
  const chosenPeople = new Set(rows.map((r) => r.wbpId).filter(Boolean));

  return (
    <>
      <PageTitle title={t('staff.trainings.newTraining')} subtitle={facility.name} />
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack maw={1000}>
          <FormErrorAlert error={save.mutation.error} />
          <Paper withBorder p="md">
            <Stack>
              <TextInput label={t('staff.training.titleField')} required maxLength={200} data-autofocus {...form.bind('title')} />
              <Group grow align="flex-start">
                <NativeSelect label={t('staff.training.kind')} data={TRAINING_KINDS.map((k) => ({ value: k, label: t(`staff.trainingKind.${k}`) }))} {...form.bind('kind')} />
                <TextInput type="date" label={t('staff.training.startsOn')} required {...form.bind('startsOn')} />
                <TextInput type="date" label={t('staff.training.endsOn')} required {...form.bind('endsOn')} />
                <TextInput label={t('staff.training.hours')} inputMode="decimal" required {...form.bind('hours')} />
              </Group>
              <Group grow align="flex-start">
                <NativeSelect
                  label={t('staff.training.organizerId')}
                  data={[{ value: '', label: t('staff.training.noOrganization') }, ...(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))]}
                  {...form.bind('organizerId')}
                />
                <TextInput label={t('staff.training.organizerName')} description={t('staff.training.organizerHelp')} disabled={!!v.organizerId} maxLength={160} {...form.bind('organizerName')} />
              </Group>
              <TextInput label={t('staff.training.place')} required maxLength={200} {...form.bind('place')} />
              <Textarea label={t('staff.training.note')} autosize minRows={2} maxLength={2000} {...form.bind('note')} />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Text fw={600}>{t('staff.training.participants')}</Text>
              {rowsError ? <Text c="red" size="sm" role="alert">{rowsError}</Text> : null}
              <Group align="flex-end">
                {staff.data ? (
                  <NativeSelect
                    label={t('staff.training.addStaff')}
                    value=""
                    onChange={(e) => {
                      const m = staff.data.find((s) => s.userId === e.currentTarget.value);
                      if (m) setRows((all) => [...all, newRow('staff', { userId: m.userId, label: `${m.fullName} · ${m.organizationName}`, hoursAttended: v.hours })]);
                    }}
                    data={[{ value: '', label: t('staff.training.chooseStaff') }, ...staff.data.filter((m) => !chosenStaff.has(m.userId)).map((m) => ({ value: m.userId, label: `${m.fullName} · ${m.organizationName}` }))]}
                  />
                ) : null}
                <Button variant="light" onClick={() => setRows((all) => [...all, newRow('named', { hoursAttended: v.hours })])}>{t('staff.training.addNamed')}</Button>
              </Group>
              {peerTraining ? (
                <PersonPicker
                  id="training-person"
                  facilityId={facility.id}
                  label={t('staff.training.choosePerson')}
                  chosen={chosenPeople}
                  onChoose={(p) => setRows((all) => [...all, newRow('person', { wbpId: p.id, label: `${p.fullName} · ${p.sdpNumber}`, hoursAttended: v.hours })])}
                />
              ) : null}
              {rows.length > 0 ? (
                <DataTable
                  minWidth={900}
                  aria-label={t('staff.training.participants')}
                  columns={[t('staff.training.name'), t('staff.training.position'), t('staff.training.hoursAttended'), t('staff.training.result'), t('staff.training.certificateNumber'), '']}
                >
                  <Table.Tbody>
                    {rows.filter((r) => peerTraining || r.kind !== 'person').map((r) => (
                      <Table.Tr key={r.key}>
                        <Table.Td>
                          {r.kind === 'named' ? (
                            <TextInput aria-label={t('staff.training.name')} value={r.name} maxLength={160} onChange={(e) => change(r.key, { name: e.currentTarget.value })} />
                          ) : <Text size="sm">{r.label}</Text>}
                          <Text size="xs" c="dimmed">{t(`staff.training.participantKind.${r.kind}`)}</Text>
                        </Table.Td>
                        <Table.Td><TextInput aria-label={t('staff.training.position')} value={r.position} maxLength={120} onChange={(e) => change(r.key, { position: e.currentTarget.value })} /></Table.Td>
                        <Table.Td w={110}>
                          <TextInput aria-label={t('staff.training.hoursAttended')} inputMode="decimal" value={r.hoursAttended} onChange={(e) => change(r.key, { hoursAttended: e.currentTarget.value })} />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            aria-label={t('staff.training.result')}
                            value={r.result}
                            onChange={(e) => change(r.key, { result: e.currentTarget.value as ParticipantRow['result'] })}
                            data={[{ value: '', label: t('staff.result.none') }, ...TRAINING_RESULTS.map((x) => ({ value: x, label: t(`staff.result.${x}`) }))]}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput aria-label={t('staff.training.certificateNumber')} disabled={r.result !== 'completed'} value={r.certificateNumber}
                            onChange={(e) => change(r.key, { certificateNumber: e.currentTarget.value })} />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon variant="subtle" color="red" aria-label={withSubject(t('staff.training.remove'), r.label || r.name.trim() || t(`staff.training.participantKind.${r.kind}`))} onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>×</ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </DataTable>
              ) : null}
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.mutation.isPending}>{t('staff.training.save')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        {...save.confirm}
        title={t('staff.training.confirmTitle')}
        message={t('staff.training.confirm', { title: save.pending?.title ?? '', count: save.pending?.participants.length ?? 0 })}
      />
    </>
  );
}
