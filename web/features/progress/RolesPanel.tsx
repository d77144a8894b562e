import { Alert, Button, Group, List, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  COMMUNITY_ROLES, communityRoleRequest, endCommunityRoleRequest, type CommunityRole, type CommunityRoleRequest,
} from '../../../shared/contracts/progress.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { assignRole, endRole, type CommunityRoleRecord, type EnrolmentProgress } from './api.ts';

type Subject = { kind: 'assign' } | { kind: 'end'; role: CommunityRoleRecord };

/** Optional peer roles in the community: those held now (each can be ended) and earlier ones. */
export function RolesPanel({ enrolment: e, personName, wbpId, facilityId }: {
  enrolment: EnrolmentProgress;
  personName: string;
  wbpId: string;
  /** The person's unit, where the change is made. */
  facilityId: string;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const dialog = useDialog<Subject>();
  const headingId = `roles-${e.enrolmentId}`;
  const current = e.roles.filter((r) => r.endedOn === null);
  const past = e.roles.filter((r) => r.endedOn !== null);
  const canWrite = can('care.write', facilityId) && e.status === 'active';
  const free = COMMUNITY_ROLES.filter((role) => !current.some((r) => r.role === role));

  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb={4} wrap="wrap" gap="xs">
        <Title order={3} size="h4" id={headingId}>{t('care.progress.roles.title')}</Title>
        {canWrite && free.length > 0 ? (
          <Button size="xs" variant="light" className="no-print" onClick={(ev) => dialog.open({ kind: 'assign' }, ev.currentTarget)}>
            {t('care.progress.roles.assign')}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">{t('care.progress.roles.help')}</Text>
      {current.length === 0 ? (
        <Text size="sm">{t('care.progress.roles.none')}</Text>
      ) : (
        <List size="sm" spacing={4} aria-label={t('care.progress.roles.currentLabel', { programme: e.programmeName })}>
          {current.map((r) => (
            <List.Item key={r.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>{t(`care.progress.roles.names.${r.role}`)}</Text>
                <Text size="sm" c="dimmed">{t('care.progress.roles.since', { date: formatDate(r.startedOn) })}{r.assignedBy ? ` · ${r.assignedBy}` : ''}</Text>
                {canWrite ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    className="no-print"
                    aria-label={t('care.progress.roles.endFor', { role: t(`care.progress.roles.names.${r.role}`) })}
                    onClick={(ev) => dialog.open({ kind: 'end', role: r }, ev.currentTarget)}
                  >
                    {t('care.progress.roles.end')}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {past.length > 0 ? (
        <>
          <Text fw={600} size="sm" mt="sm" mb={4} id={`${headingId}-past`}>{t('care.progress.roles.past')}</Text>
          <DataTable
            minWidth={480}
            aria-label={t('care.progress.roles.pastLabel', { programme: e.programmeName })}
            columns={[t('care.progress.roles.role'), t('care.progress.roles.startedOn'), t('care.progress.roles.endedOn'), t('care.progress.roles.assignedBy')]}
          >
            <Table.Tbody>
              {past.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{t(`care.progress.roles.names.${r.role}`)}</Table.Td>
                  <Table.Td>{formatDate(r.startedOn)}</Table.Td>
                  <Table.Td>{formatDate(r.endedOn)}</Table.Td>
                  <Table.Td>{r.assignedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </>
      ) : null}

      {dialog.subject?.kind === 'assign' ? (
        <AssignRoleModal enrolment={e} roles={free} personName={personName} wbpId={wbpId} onClose={dialog.close} />
      ) : null}
      {dialog.subject?.kind === 'end' ? (
        <EndRoleModal role={dialog.subject.role} personName={personName} wbpId={wbpId} onClose={dialog.close} />
      ) : null}
    </section>
  );
}

interface AssignValues {
  role: CommunityRole;
  startedOn: string;
}

function AssignRoleModal({ enrolment: e, roles, personName, wbpId, onClose }: {
  enrolment: EnrolmentProgress; roles: readonly CommunityRole[]; personName: string; wbpId: string; onClose: () => void;
}) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields<AssignValues>(
    () => ({ role: roles[0] ?? 'buddy', startedOn: todayIso() }), `role-${e.enrolmentId}`, ['role', 'startedOn'],
  );
  const save = useRoleSave({
    wbpId, send: (body: CommunityRoleRequest) => assignRole(e.enrolmentId, body), done: t('care.progress.roles.assigned'), onFailed: showFailure, onClose,
  });
  const submit = () => {
    const parsed = validate(communityRoleRequest, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    save.mutate(parsed.data);
  };
  return (
    <FormDialog
      title={t('care.progress.roles.assignTitle', { name: personName })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
    >
      <Text size="sm">{t('care.progress.roles.assignConfirm', { name: personName, programme: e.programmeName })}</Text>
      <NativeSelect
        {...bind('role')}
        label={t('care.progress.roles.role')}
        data={roles.map((r) => ({ value: r, label: t(`care.progress.roles.names.${r}`) }))}
        required
        data-autofocus
      />
      <TextInput {...bind('startedOn')} type="date" label={t('care.progress.roles.startedOn')} max={todayIso()} min={e.startDate ?? undefined} required />
    </FormDialog>
  );
}

function EndRoleModal({ role, personName, wbpId, onClose }: { role: CommunityRoleRecord; personName: string; wbpId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const name = t(`care.progress.roles.names.${role.role}`);
  const { values, show, showFailure, bind } = useFormFields<{ endedOn: string }>({ endedOn: todayIso() }, `end-role-${role.id}`, ['endedOn']);
  const save = useRoleSave({
    wbpId, send: (body: { endedOn: string }) => endRole(role.id, body.endedOn), done: t('care.progress.roles.ended'), onFailed: showFailure, onClose,
  });
  const submit = () => {
    const parsed = validate(endCommunityRoleRequest, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    save.mutate(parsed.data);
  };
  return (
    <FormDialog
      title={t('care.progress.roles.endTitle', { role: name })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      submitLabel={t('care.progress.roles.endSave')}
      submitColor="orange"
    >
      <Alert color="orange">{t('care.progress.roles.endConfirm', { role: name, name: personName })}</Alert>
      <TextInput {...bind('endedOn')} type="date" label={t('care.progress.roles.endedOn')} min={role.startedOn} max={todayIso()} required data-autofocus />
    </FormDialog>
  );
}

/** Saving a peer role (given or ended): the person's progress and timeline refresh, and the dialog closes; a failure goes to `onFailed`. */
function useRoleSave<B>({ wbpId, send, done, onFailed, onClose }: {
  wbpId: string; send: (body: B) => Promise<CommunityRoleRecord>; done: string; onFailed: (error: unknown) => void; onClose: () => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: done });
      invalidateCareRecord(queryClient, wbpId, 'progress');
      onClose();
    },
    onError: onFailed,
  });
}
