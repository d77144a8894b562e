import { Alert, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DROP_OUT_REASONS, completeBody, dropOutBody, type CompleteBody, type DropOutBody } from '../../../shared/contracts/conferences.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { completeEnrolment, dropOutEnrolment, type OutcomeEnrolment } from './api.ts';

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
  const { values, show, showFailure, bind } = useFormFields<OutcomeValues>({ endedOn: todayIso(), reason: '', note: '' }, prefix, ['endedOn', 'reason', 'note']);

  const save = useMutation({
    mutationFn: (request: Outcome) => (request.kind === 'complete'
      ? completeEnrolment(enrolment.id, request.body)
      : dropOutEnrolment(enrolment.id, request.body)),
    onSuccess: (updated) => {
      // The enrolment ended: its phases, urine tests, the notes' programmes and its re-assessment tasks.
      invalidateCareRecord(queryClient, enrolment.wbpId, 'outcomes', 'progress', 'urine', 'enrolments', 'tasks');
      notifications.show({
        color: 'teal',
        message: kind === 'complete'
          ? t('care.conferences.outcomes.completed', { number: updated.certificateNumber ?? '—' })
          : t('care.conferences.outcomes.dropped'),
      });
      onClose();
    },
    onError: showFailure,
  });

  const submit = () => {
    if (kind === 'complete') {
      const parsed = validate(completeBody, { endedOn: values.endedOn, note: values.note });
      if (!parsed.ok) return show(parsed.errors);
      return save.mutate({ kind, body: parsed.data });
    }
    const parsed = validate(dropOutBody, { endedOn: values.endedOn, reason: values.reason || undefined, note: values.note });
    if (!parsed.ok) return show(parsed.errors);
    return save.mutate({ kind, body: parsed.data });
  };

  const complete = kind === 'complete';
  return (
    <FormDialog
      title={complete ? t('care.conferences.outcomes.completeTitle') : t('care.conferences.outcomes.dropOutTitle')}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      submitLabel={complete ? t('care.conferences.outcomes.completeConfirm') : t('care.conferences.outcomes.dropOutConfirm')}
      submitColor={complete ? 'teal' : 'red'}
    >
      <Alert color="orange" variant="light">
        {complete
          ? t('care.conferences.outcomes.completeBody', { programme: enrolment.programmeName, name: personName })
          : t('care.conferences.outcomes.dropOutBody', { programme: enrolment.programmeName, name: personName })}
      </Alert>
      <TextInput
        {...bind('endedOn')}
        type="date"
        label={complete ? t('care.conferences.outcomes.endedOn') : t('care.conferences.outcomes.droppedOn')}
        max={todayIso()}
        min={enrolment.startDate ?? undefined}
        required
        data-autofocus
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
    </FormDialog>
  );
}
