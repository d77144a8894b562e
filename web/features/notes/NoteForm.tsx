import type { FormEvent } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, noteRequest, type NoteKind } from '../../../shared/contracts/notes.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Section } from '../../components/Section.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { fetchActiveEnrolments, notesKeys, writeNote, type NoteBody } from './api.ts';

interface NoteValues {
  kind: NoteKind;
  heldOn: string;
  topic: string;
  summary: string;
  plan: string;
  enrolmentId: string;
}

const ORDER = ['kind', 'heldOn', 'enrolmentId', 'topic', 'summary', 'plan'] as const;
const blank = (): NoteValues => ({ kind: 'individual', heldOn: todayIso(), topic: '', summary: '', plan: '', enrolmentId: '' });

/**
 * Writing a counselling note: topic, summary and follow-up plan. Saving signs it in the writer's
 * name, after a confirmation that says a signed note cannot be changed.
 */
export function NoteForm({ person, onSaved }: { person: WbpDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, setValues, show, showFailure, bind } = useFormFields<NoteValues>(blank, 'note', ORDER);
  const enrolments = useQuery({ queryKey: notesKeys.enrolments(person.id), queryFn: ({ signal }) => fetchActiveEnrolments(person.id, signal) });

  const { mutation, pending, ask, confirm } = useConfirmedSave({
    save: (body: NoteBody) => writeNote(person.id, body),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('care.notes.note.saved') });
      setValues(blank());
      show({});
      invalidateCareRecord(queryClient, person.id, 'notes');
      onSaved();
    },
    onFailed: showFailure,
  });

  const review = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(noteRequest, { ...values, enrolmentId: values.enrolmentId || null });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    ask(parsed.data);
  };

  const enrolmentOptions = [
    { value: '', label: t('care.notes.note.noEnrolment') },
    ...(enrolments.data ?? []).map((e) => ({
      value: e.id,
      label: t('care.notes.note.enrolmentOption', { programme: e.programmeName, date: formatDate(e.startDate) }),
    })),
  ];

  return (
    <Section id="note-form-heading" title={t('care.notes.note.formTitle')} className="no-print">
      <FormErrorAlert error={mutation.error} />
      <form onSubmit={review} noValidate aria-labelledby="note-form-heading">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              {...bind('kind')}
              label={t('care.notes.note.kind')}
              data={NOTE_KINDS.map((k) => ({ value: k, label: t(`care.notes.note.kinds.${k}`) }))}
              required
            />
            <TextInput {...bind('heldOn')} type="date" label={t('care.notes.note.heldOn')} max={todayIso()} required />
            <NativeSelect {...bind('enrolmentId')} label={t('care.notes.note.enrolment')} data={enrolmentOptions} />
          </SimpleGrid>
          <TextInput {...bind('topic')} label={t('care.notes.note.topic')} maxLength={200} required />
          <Textarea {...bind('summary')} label={t('care.notes.note.summary')} autosize minRows={3} maxLength={8000} required />
          <Textarea {...bind('plan')} label={t('care.notes.note.plan')} autosize minRows={2} maxLength={4000} required />
          <Text size="sm" c="dimmed">{t('care.notes.note.signNotice')}</Text>
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>{t('care.notes.note.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        {...confirm}
        title={t('care.notes.note.confirmTitle')}
        message={pending ? t('care.notes.note.confirm', { topic: pending.topic, date: formatDate(pending.heldOn), name: person.fullName }) : null}
        confirmLabel={t('care.notes.note.confirmYes')}
      />
    </Section>
  );
}
