import { Alert, Anchor, Badge, Button, Group, NativeSelect, Radio, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { closeCareTaskRequest, type CloseCareTaskRequest } from '../../../shared/contracts/progress.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PagedQueryView } from '../../components/PagedQueryView.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { useListAddress } from '../../components/useListAddress.ts';
import { closeCareTask, fetchCareTasks, progressKeys, type CareTaskItem } from './api.ts';

const PAGE_SIZE = 25;

/** A unit's follow-up work: open tasks and re-assessments falling due, by due date; a task is closed with a note. */
export function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several } = useChosenFacility('clinical.read');
  const address = useListAddress();
  const status = address.search.get('status') === 'all' ? 'all' : 'open';
  const params = { status, page: address.page, pageSize: PAGE_SIZE } as const;
  const dialog = useDialog<CareTaskItem>();

  const tasks = useQuery({
    queryKey: progressKeys.tasks(facility?.id ?? '', params),
    queryFn: ({ signal }) => fetchCareTasks(facility!.id, params, signal),
    enabled: facility !== null,
    placeholderData: keepPreviousData,
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('care.progress.tasks.title')} />
        <EmptyState title={t('care.progress.tasks.noFacilityTitle')} description={t('care.progress.tasks.noFacilityHelp')} />
      </>
    );
  }

  const kindOf = (task: CareTaskItem) => t(`care.progress.tasks.kinds.${task.kind}`, { point: task.point ?? '' });

  return (
    <>
      <PageTitle
        title={t('care.progress.tasks.title')}
        subtitle={t('care.progress.tasks.subtitle')}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      <Group mb="md" align="flex-end" gap="sm" className="no-print">
        {several ? (
          <FacilitySelect permission="clinical.read" id="tasks-unit" label={t('care.progress.tasks.unit')} value={facility.id} onChoose={(id) => address.update({ upt: id })} />
        ) : null}
        <NativeSelect
          id="tasks-status"
          label={t('care.progress.tasks.show')}
          value={status}
          onChange={(ev) => address.update({ status: ev.currentTarget.value === 'all' ? 'all' : undefined })}
          data={[
            { value: 'open', label: t('care.progress.tasks.showOpen') },
            { value: 'all', label: t('care.progress.tasks.showAll') },
          ]}
        />
      </Group>
      <Text className="print-only" fw={600} mb="xs">{facility.name}</Text>
      <PagedQueryView
        query={tasks}
        onPage={(p) => address.update({ page: String(p) })}
        empty={
          <EmptyState
            title={status === 'open' ? t('care.progress.tasks.empty') : t('care.progress.tasks.emptyAll')}
            description={t('care.progress.tasks.emptyHelp')}
          />
        }
      >
        {(items) => (
          <DataTable
            minWidth={760}
            aria-label={t('care.progress.tasks.tableLabel')}
            columns={[
              t('care.progress.tasks.kind'),
              t('care.progress.tasks.person'),
              t('care.progress.tasks.dueOn'),
              t('care.progress.tasks.status'),
              { label: t('common.actions'), hidden: true, className: 'no-print' },
            ]}
          >
            <Table.Tbody>
              {items.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    {kindOf(task)}
                    {task.programmeName ? <Text size="xs" c="dimmed">{task.programmeName}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/wbp/${task.wbpId}/perawatan`} size="sm">{task.fullName}</Anchor>
                    <Text size="xs" c="dimmed">{task.sdpNumber}</Text>
                  </Table.Td>
                  <Table.Td>{formatDate(task.dueOn)}</Table.Td>
                  <Table.Td>
                    {task.status === 'open' ? (
                      task.overdue ? (
                        <Badge color="red.8" tt="none">{t('care.progress.tasks.overdue')}</Badge>
                      ) : (
                        <Badge color="gray.7" variant="light" tt="none">{t('care.progress.tasks.statuses.open')}</Badge>
                      )
                    ) : (
                      <>
                        <Badge color={task.status === 'done' ? 'teal.8' : 'gray.7'} variant="outline" tt="none">
                          {t(`care.progress.tasks.statuses.${task.status}`)}
                        </Badge>
                        {task.closedAt ? (
                          <Text size="xs" c="dimmed">{t('care.progress.tasks.closedBy', { name: task.closedBy ?? '—', at: formatDateTime(task.closedAt) })}</Text>
                        ) : null}
                        {task.note ? <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>{task.note}</Text> : null}
                      </>
                    )}
                  </Table.Td>
                  <Table.Td className="no-print">
                    <Group gap={4} wrap="nowrap">
                      <Button
                        component={Link}
                        to={task.link}
                        size="xs"
                        variant="light"
                        aria-label={t('care.progress.tasks.workFor', { kind: kindOf(task), name: task.fullName })}
                      >
                        {t('care.progress.tasks.work')}
                      </Button>
                      {task.closable && can('care.write', facility.id) ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('care.progress.tasks.closeFor', { kind: kindOf(task), name: task.fullName })}
                          onClick={(ev) => dialog.open(task, ev.currentTarget)}
                        >
                          {t('care.progress.tasks.close')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
      </PagedQueryView>
      {dialog.subject ? <CloseTaskModal task={dialog.subject} kind={kindOf(dialog.subject)} onClose={dialog.close} /> : null}
    </>
  );
}

interface CloseValues {
  status: 'done' | 'cancelled';
  note: string;
}

function CloseTaskModal({ task, kind, onClose }: { task: CareTaskItem; kind: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, errors, show, showFailure, bind } = useFormFields<CloseValues>({ status: 'done', note: '' }, 'close-task', ['status', 'note']);
  const save = useMutation({
    mutationFn: (body: CloseCareTaskRequest) => closeCareTask(task.id, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('care.progress.tasks.closed') });
      // The incident or urine test the task came from shows its follow-up.
      invalidateCareRecord(queryClient, task.wbpId, 'tasks', 'incidents', 'urine');
      onClose();
    },
    onError: showFailure,
  });
  const submit = () => {
    const parsed = validate(closeCareTaskRequest, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    save.mutate(parsed.data);
  };
  return (
    <FormDialog
      title={t('care.progress.tasks.closeTitle', { kind })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      submitLabel={t('care.progress.tasks.save')}
    >
      <Alert color="orange">{t('care.progress.tasks.closeConfirm', { kind, name: task.fullName, date: formatDate(task.dueOn) })}</Alert>
      <Radio.Group
        label={t('care.progress.tasks.closeAs')}
        value={values.status}
        onChange={(v) => set('status', v === 'cancelled' ? 'cancelled' : 'done')}
        error={errors.status}
        required
      >
        <Group gap="md" mt={4}>
          {/* The first choice carries the field's id, so a message about it takes the focus there. */}
          <Radio id="close-task-status" value="done" label={t('care.progress.tasks.statuses.done')} data-autofocus />
          <Radio value="cancelled" label={t('care.progress.tasks.statuses.cancelled')} />
        </Group>
      </Radio.Group>
      <Textarea
        {...bind('note')}
        label={t('care.progress.tasks.note')}
        description={t('care.progress.tasks.noteHelp')}
        autosize
        minRows={3}
        maxLength={2000}
        required
      />
    </FormDialog>
  );
}
