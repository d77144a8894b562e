import type { FormEvent, ReactNode } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cancelBody, collectBody, receiveBody, refuseBody, sendBody } from '../../../shared/contracts/urine.ts';
import {
  URINE_OUTCOMES, URINE_PANEL, missingSubstances, testOutcome, type UrineOutcome, type UrineResults, type UrineSubstance,
} from '../../../shared/domain/urine.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { validate } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { takeStep, urineKeys, type StepBodies, type StepName, type UrineDay, type UrineTest } from './api.ts';
import { FORM_MESSAGE, RESULT_FIELDS, resultErrors } from './results.ts';

/** Now as a `datetime-local` value in the browser's zone. */
function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as the moment the API expects, or '' when empty or unreadable. */
function toMoment(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** Who may watch a sample given: the unit's staff, as the day's list names them. */
type Observer = UrineDay['observers'][number];

/**
 * One step of a test's chain of custody in a dialog: collect, send, receive, result, refuse or
 * cancel. The dialog is mounted for one opening, so closing it discards what was typed.
 */
export function StepDialog({ test, step, observers, onClose }: { test: UrineTest; step: StepName; observers: readonly Observer[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: StepBodies[StepName]) => takeStep(test.id, step, body),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: urineKeys.all });
      // A positive result opens a follow-up task.
      invalidateCareRecord(queryClient, updated.wbpId, ...(updated.outcome === 'positive' ? ['tasks' as const] : []));
      notifications.show({ color: 'teal', message: doneMessage(updated) });
      onClose();
    },
  });

  const doneMessage = (updated: UrineTest) => {
    const name = updated.fullName;
    switch (step) {
      case 'collect': return t('care.urine.collect.done', { name, seal: updated.sealNumber ?? '' });
      case 'send': return t('care.urine.send.done', { name });
      case 'receive': return t('care.urine.receive.done', { name });
      case 'result': return t('care.urine.result.done', { name, outcome: updated.outcome ? t(`care.urine.outcome.${updated.outcome}`) : '' });
      case 'refuse': return t('care.urine.refuse.done', { name });
      case 'cancel': return t('care.urine.cancel.done', { name });
    }
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'CONFLICT';
  const common = {
    pending: mutation.isPending,
    onCancel: onClose,
    /** Sends the step; `onFailed` puts the messages the server gives by field next to their inputs. */
    submit: (body: StepBodies[StepName], onFailed: (error: unknown) => void) => mutation.mutate(body, { onError: onFailed }),
  };

  let form: ReactNode;
  switch (step) {
    case 'collect': form = <CollectForm test={test} observers={observers} {...common} />; break;
    case 'send': form = <SendForm test={test} {...common} />; break;
    case 'receive': form = <ReceiveForm test={test} {...common} />; break;
    case 'result': form = <ResultForm test={test} {...common} />; break;
    case 'refuse': form = <NoteForm test={test} kind="refuse" {...common} />; break;
    case 'cancel': form = <NoteForm test={test} kind="cancel" {...common} />; break;
  }

  return (
    <Modal opened onClose={onClose} title={t(`care.urine.${step}.title`, { name: test.fullName })} size={step === 'result' ? 'lg' : 'md'} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {conflict ? (
        <Alert color="yellow" role="alert" mb="md" title={t('care.urine.conflictTitle')}>
          <Text size="sm" mb="sm">{t('care.urine.conflictBody')}</Text>
          <Button size="xs" onClick={() => { void queryClient.invalidateQueries({ queryKey: urineKeys.all }); onClose(); }}>
            {t('common.reload')}
          </Button>
        </Alert>
      ) : (
        <FormErrorAlert error={mutation.error} />
      )}
      {form}
    </Modal>
  );
}

interface FormProps {
  test: UrineTest;
  pending: boolean;
  onCancel: () => void;
  submit: (body: StepBodies[StepName], onFailed: (error: unknown) => void) => void;
}

function Buttons({ pending, onCancel, label, danger }: { pending: boolean; onCancel: () => void; label: string; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={pending}>{t('common.cancel')}</Button>
      <Button type="submit" loading={pending} color={danger ? 'red' : undefined}>{label}</Button>
    </Group>
  );
}

function CollectForm({ test, observers, pending, onCancel, submit }: FormProps & { observers: readonly Observer[] }) {
  const { t } = useTranslation();
  const user = useUser();
  // The one collecting usually watches the sample given; another observer is chosen when not.
  const { values, show, showFailure, bind } = useFormFields(
    () => ({ observedBy: observers.some((o) => o.id === user.id) ? user.id : '', sealNumber: '', collectedAt: localNow() }),
    'collect',
    ['observedBy', 'sealNumber', 'collectedAt'],
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(collectBody, { ...values, collectedAt: toMoment(values.collectedAt), version: test.version });
    if (!parsed.ok) return show(parsed.errors);
    submit(parsed.data, showFailure);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <NativeSelect
          {...bind('observedBy')}
          label={t('care.urine.collect.observer')}
          description={t('care.urine.collect.observerHelp')}
          data={[{ value: '', label: t('common.choose') }, ...observers.map((o) => ({ value: o.id, label: o.name }))]}
          required
        />
        <TextInput {...bind('sealNumber')} label={t('care.urine.collect.sealNumber')} maxLength={60} required data-autofocus />
        <TextInput {...bind('collectedAt')} type="datetime-local" label={t('care.urine.collect.collectedAt')} required />
        <Buttons pending={pending} onCancel={onCancel} label={t('care.urine.collect.save')} />
      </Stack>
    </form>
  );
}

function SendForm({ test, pending, onCancel, submit }: FormProps) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields({ sentTo: '', sentAt: localNow() }, 'send', ['sentTo', 'sentAt']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(sendBody, { ...values, sentAt: toMoment(values.sentAt), version: test.version });
    if (!parsed.ok) return show(parsed.errors);
    submit(parsed.data, showFailure);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput {...bind('sentTo')} label={t('care.urine.send.sentTo')} description={t('care.urine.send.sentToHelp')} maxLength={200} required data-autofocus />
        <TextInput {...bind('sentAt')} type="datetime-local" label={t('care.urine.send.sentAt')} required />
        <Buttons pending={pending} onCancel={onCancel} label={t('care.urine.send.save')} />
      </Stack>
    </form>
  );
}

function ReceiveForm({ test, pending, onCancel, submit }: FormProps) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields({ receivedBy: '', receivedAt: localNow() }, 'receive', ['receivedBy', 'receivedAt']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(receiveBody, { ...values, receivedAt: toMoment(values.receivedAt), version: test.version });
    if (!parsed.ok) return show(parsed.errors);
    submit(parsed.data, showFailure);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput
          {...bind('receivedBy')} label={t('care.urine.receive.receivedBy')} description={t('care.urine.receive.receivedByHelp')} maxLength={200} required data-autofocus
        />
        <TextInput {...bind('receivedAt')} type="datetime-local" label={t('care.urine.receive.receivedAt')} required />
        <Buttons pending={pending} onCancel={onCancel} label={t('care.urine.receive.save')} />
      </Stack>
    </form>
  );
}

type ResultValues = { [S in UrineSubstance]?: UrineOutcome } & { note: string };

/**
 * A choice per substance of the whole panel, none chosen at first (arrow keys move within a
 * substance's choices, Tab to the next); the test's outcome is shown once all are chosen.
 */
function ResultForm({ test, pending, onCancel, submit }: FormProps) {
  const { t } = useTranslation();
  const { values, set, errors, show, bind } = useFormFields<ResultValues>({ note: '' }, 'result', RESULT_FIELDS as (keyof ResultValues & string)[]);
  const { note, ...chosen } = values;
  const missing = missingSubstances(chosen);
  const outcome = missing.length === 0 ? testOutcome(chosen as UrineResults) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (missing.length > 0) return show(Object.fromEntries(missing.map((s) => [s, t('care.urine.result.choose')])));
    show({});
    submit({ results: chosen as UrineResults, ...(note.trim() ? { note: note.trim() } : {}), version: test.version }, (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(resultErrors(err.messagesByPath()));
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('care.urine.result.help')}</Text>
        {errors[FORM_MESSAGE] ? <Alert color="red" role="alert">{errors[FORM_MESSAGE]}</Alert> : null}
        {URINE_PANEL.map((s) => (
          <Radio.Group
            key={s}
            label={t(`care.urine.substance.${s}`)}
            value={chosen[s] ?? ''}
            onChange={(v) => set(s, v as UrineOutcome)}
            error={errors[s]}
            required
          >
            <Group gap="lg" mt={4}>
              {/* The first choice carries the field's id, so a message about the substance takes the focus there. */}
              {URINE_OUTCOMES.map((o, i) => (
                <Radio
                  key={o}
                  id={i === 0 ? `result-${s}` : undefined}
                  value={o}
                  label={t(`care.urine.outcome.${o}`)}
                  data-autofocus={(i === 0 && s === URINE_PANEL[0]) || undefined}
                />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Textarea {...bind('note')} label={t('care.urine.result.note')} autosize minRows={2} maxLength={1000} />
        <div aria-live="polite">
          {outcome ? (
            <Alert color={outcome === 'positive' ? 'red' : outcome === 'invalid' ? 'orange' : 'teal'} variant="light">
              <Text size="sm" fw={600}>{t('care.urine.result.outcomeSoFar', { outcome: t(`care.urine.outcome.${outcome}`) })}</Text>
              {outcome === 'positive' ? <Text size="sm">{t('care.urine.result.positiveTask')}</Text> : null}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">{t('care.urine.result.incomplete', { count: missing.length })}</Text>
          )}
        </div>
        <Buttons pending={pending} onCancel={onCancel} label={t('care.urine.result.save')} />
      </Stack>
    </form>
  );
}

function NoteForm({ test, kind, pending, onCancel, submit }: FormProps & { kind: 'refuse' | 'cancel' }) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields({ note: '' }, kind, ['note']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(kind === 'refuse' ? refuseBody : cancelBody, { ...values, version: test.version });
    if (!parsed.ok) return show(parsed.errors);
    submit(parsed.data, showFailure);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Alert color="orange" variant="light">{t(`care.urine.${kind}.help`)}</Alert>
        <Textarea {...bind('note')} label={t(`care.urine.${kind}.note`)} autosize minRows={2} maxLength={1000} required data-autofocus />
        <Buttons pending={pending} onCancel={onCancel} label={t(`care.urine.${kind}.save`)} danger />
      </Stack>
    </form>
  );
}
