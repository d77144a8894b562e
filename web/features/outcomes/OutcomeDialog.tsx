import type { FormEvent } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DROP_OUT_REASONS, completeBody, dropOutBody, type CompleteBody, type DropOutBody } from '../../../shared/contracts/conferences.ts';
import { ApiError } from '../../app/api.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { todayIso } from '../../app/format.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { completeEnrolment, dropOutEnrolment, outcomeKeys, type OutcomeEnrolment } from './api.ts';
import { check } from './check.ts';

export type OutcomeKind = 'complete' | 'drop_out';

type Outcome = { kind: 'complete'; body: CompleteBody } | { kind: 'drop_out'; body: DropOutBody };

interface OutcomeValues {
  endedOn: string;
  reason: string;
  note: string;
}

/**
 * Ending an enrolment: completion (which gives the certificate number) or drop-out with its reason.
 * The dialog says what will happen and cannot be undone; its button is the confirmation.
 */
export function OutcomeDialog({ kind, enrolment, personName, onClose }: {
  kind: OutcomeKind;
  enrolment: OutcomeEnrolment;
  personName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefix = kind === 'complete' ? 'outcome-complete' : 'outcome-dropout';
  const { values, show, bind } = useFormFields<OutcomeValues>({ endedOn: todayIso(), reason: '', note: '' }, prefix, ['endedOn', 'reason', 'note']);

  const save = useMutation({
    mutationFn: (request: Outcome) => (request.kind === 'complete'
      ? completeEnrolment(enrolment.id, request.body)
      : dropOutEnrolment(enrolment.id, request.body)),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: outcomeKeys.outcomes(enrolment.wbpId) });
      // The enrolment ended: its phases, urine tests, the notes' programmes and its re-assessment tasks.
      invalidateCareRecord(queryClient, enrolment.wbpId, 'progress', 'urine', 'enrolments', 'tasks');
      notifications.show({
        color: 'teal',
        message: kind === 'complete'
          ? t('care.conferences.outcomes.completed', { number: updated.certificateNumber ?? '—' })
          : t('care.conferences.outcomes.dropped'),
      });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'complete') {
      const parsed = check(completeBody, { endedOn: values.endedOn, note: values.note });
      if (!parsed.ok) return show(parsed.errors);
      return save.mutate({ kind, body: parsed.data });
    }
    const parsed = check(dropOutBody, { endedOn: values.endedOn, reason: values.reason || undefined, note: values.note });
    if (!parsed.ok) return show(parsed.errors);
    return save.mutate({ kind, body: parsed.data });
  };

  const complete = kind === 'complete';
  return (
    <Modal
      opened
      onClose={onClose}
      title={complete ? t('care.conferences.outcomes.completeTitle') : t('care.conferences.outcomes.dropOutTitle')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="orange" variant="light">
            {complete
              ? t('care.conferences.outcomes.completeBody', { programme: enrolment.programmeName, name: personName })
              : t('care.conferences.outcomes.dropOutBody', { programme: enrolment.programmeName, name: personName })}
          </Alert>
          <FormErrorAlert error={save.error} />
          <TextInput
            {...bind('endedOn')}
            type="date"
            label={complete ? t('care.conferences.outcomes.endedOn') : t('care.conferences.outcomes.droppedOn')}
            max={todayIso()}
            min={enrolment.startDate ?? undefined}
            required
          />
          {complete ? null : (
            <NativeSelect
              {...bind('reason')}
              label={t('care.conferences.outcomes.reason')}
              data={[{ value: '', label: t('common.choose') }, ...DROP_OUT_REASONS.map((r) => ({ value: r, label: t(`care.conferences.dropReason.${r}`) }))]}
              required
            />
          )}
          <Textarea
            {...bind('note')}
            label={t('care.conferences.outcomes.note')}
            description={complete ? undefined : t('care.conferences.outcomes.noteRequiredHint')}
            autosize
            minRows={2}
            maxLength={2000}
            required={!complete && values.reason === 'other'}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" color={complete ? 'teal' : 'red'} loading={save.isPending}>
              {complete ? t('care.conferences.outcomes.completeConfirm') : t('care.conferences.outcomes.dropOutConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
