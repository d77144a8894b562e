import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { postRehabEndBody, postRehabEnrolBody, type PostRehabEndBody } from '../../../shared/contracts/postRehab.ts';
import type { ProgrammeRecord } from '../../../shared/contracts/programmes.ts';
import { formatDate, todayIso, withSubject } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import {
  endEnrolment, enrolClient, fetchCandidates, fetchRoster, postRehabKeys, type PostRehabCandidate, type PostRehabEnrolment,
} from './postRehabApi.ts';

const STATUS_COLOR = { active: 'teal', waitlisted: 'blue', completed: 'dark', dropped: 'gray', changed: 'gray' } as const;

type Ending = 'completed' | 'dropped';

/**
 * A Bapas's post-rehabilitation programme: its clients (from accepted aftercare referrals with
 * consent in force), enrolling one from the candidates, and ending an active enrolment as completed
 * or dropped after a confirmation (docs/adr/0018).
 */
export function PostRehabPanel({ programme }: { programme: ProgrammeRecord }) {
  const { t } = useTranslation();
  const headingId = `post-rehab-${programme.id}`;
  const roster = useQuery({ queryKey: postRehabKeys.roster(programme.id), queryFn: ({ signal }) => fetchRoster(programme.id, signal) });
  const enrolling = useDialog<true>();
  const ending = useDialog<{ enrolment: PostRehabEnrolment; how: Ending }>();

  return (
    <Stack gap="xs" mt="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={3} size="h5" id={headingId}>{t('postRehab.title')}</Title>
        <Button size="xs" className="no-print" aria-label={t('postRehab.enrolAria', { programme: programme.name })} onClick={(e) => enrolling.open(true, e.currentTarget)}>
          {t('postRehab.enrol')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">{t('postRehab.help')}</Text>
      <QueryView
        query={roster}
        empty={<Text size="sm" c="dimmed">{t('postRehab.empty')} {t('postRehab.emptyHelp')}</Text>}
      >
        {(items) => <RosterTable programme={programme} items={items} onEnd={(enrolment, how, opener) => ending.open({ enrolment, how }, opener)} />}
      </QueryView>
      {enrolling.subject ? <EnrolDialog programme={programme} onClose={enrolling.close} /> : null}
      {ending.subject ? <EndDialog programme={programme} enrolment={ending.subject.enrolment} how={ending.subject.how} onClose={ending.close} /> : null}
    </Stack>
  );
}

function RosterTable({ programme, items, onEnd }: {
  programme: ProgrammeRecord;
  items: readonly PostRehabEnrolment[];
  onEnd: (enrolment: PostRehabEnrolment, how: Ending, opener: HTMLElement) => void;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={860}
      fz="sm"
      aria-label={t('postRehab.tableLabel', { programme: programme.name })}
      columns={[
        t('postRehab.client'), t('postRehab.from'), t('postRehab.status'), t('postRehab.start'), t('postRehab.expectedEnd'), t('postRehab.ended'),
        { label: t('postRehab.actions'), className: 'no-print' },
      ]}
    >
      <Table.Tbody>
        {items.map((e) => (
          <Table.Tr key={e.id} data-enrolment={e.id}>
            <Table.Th scope="row" fw={400}>
              <Text size="sm" fw={500}>{e.fullName}</Text>
              <Text size="xs" c="dimmed">{e.sdpNumber}</Text>
            </Table.Th>
            <Table.Td>
              <Text size="sm">{e.fromName}</Text>
              {e.releasedOn ? <Text size="xs" c="dimmed">{t('postRehab.releasedOn', { date: formatDate(e.releasedOn) })}</Text> : null}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOR[e.status]}>{t(`postRehab.statusName.${e.status}`)}</Badge>
            </Table.Td>
            <Table.Td>{formatDate(e.startDate)}</Table.Td>
            <Table.Td>{formatDate(e.expectedEndDate)}</Table.Td>
            <Table.Td>
              <Text size="sm">{e.endedOn ? formatDate(e.endedOn) : '—'}</Text>
              {e.outcomeNote ? <Text size="xs" c="dimmed">{e.outcomeNote}</Text> : null}
            </Table.Td>
            <Table.Td className="no-print">
              {e.status === 'active' ? (
                <Group gap={6} wrap="nowrap">
                  <Button size="compact-sm" variant="light" color="teal" aria-label={withSubject(t('postRehab.complete'), e.fullName)}
                    onClick={(ev) => onEnd(e, 'completed', ev.currentTarget)}>
                    {t('postRehab.complete')}
                  </Button>
                  <Button size="compact-sm" variant="light" color="red" aria-label={withSubject(t('postRehab.drop'), e.fullName)}
                    onClick={(ev) => onEnd(e, 'dropped', ev.currentTarget)}>
                    {t('postRehab.drop')}
                  </Button>
                </Group>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

/** After a save: the roster and the candidates are read again, and the save is announced. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (message: string) => {
    void queryClient.invalidateQueries({ queryKey: postRehabKeys.all });
    notifications.show({ color: 'teal', message });
  };
}

interface EnrolValues { referralId: string; startDate: string }

function EnrolDialog({ programme, onClose }: { programme: ProgrammeRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const candidates = useQuery({ queryKey: postRehabKeys.candidates(programme.facilityId), queryFn: ({ signal }) => fetchCandidates(programme.facilityId, signal) });
  const { values, show, showFailure, bind } = useFormFields<EnrolValues>({ referralId: '', startDate: todayIso() }, 'post-rehab-enrol', ['referralId', 'startDate']);
  const chosen = candidates.data?.find((c) => c.referralId === values.referralId);
  const save = useMutation({
    mutationFn: (body: { referralId: string; startDate: string }) => enrolClient(programme.id, body),
    onSuccess: (made) => {
      refresh(t('postRehab.enrolled', { name: made.fullName }));
      onClose();
    },
    onError: showFailure,
  });
  const submit = () => {
    const parsed = validate(postRehabEnrolBody, { referralId: values.referralId || undefined, startDate: values.startDate });
    if (!parsed.ok) return show(parsed.errors);
    return save.mutate(parsed.data);
  };
  const option = (c: PostRehabCandidate) => ({
    value: c.referralId,
    label: t('postRehab.candidateOption', { name: c.fullName, sdp: c.sdpNumber, from: c.fromName, date: formatDate(c.releasedOn) }),
  });
  return (
    <FormDialog title={t('postRehab.enrolTitle', { programme: programme.name })} onClose={onClose} onSubmit={submit} pending={save.isPending} error={save.error}
      submitLabel={t('postRehab.enrolSubmit')} size="lg">
      <QueryView query={candidates} empty={<Alert color="gray" variant="light">{t('postRehab.noCandidates')}</Alert>}>
        {(items) => (
          <Stack gap="sm">
            <NativeSelect {...bind('referralId')} label={t('postRehab.candidate')} data={[{ value: '', label: t('common.choose') }, ...items.map(option)]} required data-autofocus />
            <TextInput {...bind('startDate')} type="date" label={t('postRehab.startDate')} description={t('postRehab.startHelp')}
              min={chosen?.releasedOn ?? undefined} required />
          </Stack>
        )}
      </QueryView>
    </FormDialog>
  );
}

interface EndValues { endedOn: string; note: string }

function EndDialog({ programme, enrolment, how, onClose }: { programme: ProgrammeRecord; enrolment: PostRehabEnrolment; how: Ending; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const prefix = how === 'completed' ? 'post-rehab-complete' : 'post-rehab-drop';
  const { values, show, showFailure, bind } = useFormFields<EndValues>({ endedOn: todayIso(), note: '' }, prefix, ['endedOn', 'note']);
  const { mutation, pending, ask, confirm } = useConfirmedSave({
    save: (body: PostRehabEndBody) => endEnrolment(enrolment.id, body),
    onSaved: (ended) => {
      refresh(t(ended.status === 'completed' ? 'postRehab.completed' : 'postRehab.dropped', { name: ended.fullName }));
      onClose();
    },
    onFailed: showFailure,
  });
  const submit = () => {
    const parsed = validate(postRehabEndBody, { status: how, endedOn: values.endedOn, note: values.note });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    return ask(parsed.data);
  };
  const names = { name: enrolment.fullName, programme: programme.name };
  const complete = how === 'completed';
  return (
    <>
      <FormDialog
        title={t(complete ? 'postRehab.completeTitle' : 'postRehab.dropTitle', names)}
        onClose={onClose}
        onSubmit={submit}
        pending={mutation.isPending}
        error={mutation.error}
        submitLabel={t('postRehab.review')}
        submitColor={complete ? 'teal' : 'red'}
      >
        <Alert color="orange" variant="light">{t(complete ? 'postRehab.completeBody' : 'postRehab.dropBody', names)}</Alert>
        <TextInput {...bind('endedOn')} type="date" label={t('postRehab.endedOn')} min={enrolment.startDate ?? undefined} max={todayIso()} required data-autofocus />
        <Textarea {...bind('note')} label={t('postRehab.note')} description={complete ? undefined : t('postRehab.noteRequired')} autosize minRows={2}
          maxLength={1000} required={!complete} />
      </FormDialog>
      <ConfirmDialog
        {...confirm}
        title={t('postRehab.confirmTitle')}
        message={pending ? t(pending.status === 'completed' ? 'postRehab.confirmComplete' : 'postRehab.confirmDrop', { ...names, date: formatDate(pending.endedOn) }) : ''}
        confirmLabel={t('postRehab.confirmYes')}
        color={complete ? 'teal' : 'red'}
      />
    </>
  );
}
