import { Alert, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { noteAddendumRequest } from '../../../shared/contracts/notes.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { validate } from '../../app/validation.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { addAddendum, type NoteRecord } from './api.ts';

/** A correction to a signed note; it is kept beside the note, which stays as it was signed. */
export function AddendumModal({ note, onClose }: { note: NoteRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, show, showFailure, bind } = useFormFields<{ text: string }>({ text: '' }, 'addendum', ['text']);

  const mutation = useMutation({
    mutationFn: (text: string) => addAddendum(note.id, text),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('care.notes.note.addendumSaved') });
      invalidateCareRecord(queryClient, note.wbpId, 'notes');
      onClose();
    },
    onError: showFailure,
  });

  const submit = () => {
    const parsed = validate(noteAddendumRequest, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    mutation.mutate(parsed.data.text);
  };

  return (
    <FormDialog
      title={t('care.notes.note.addendumTitle', { topic: note.topic })}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      submitLabel={t('care.notes.note.addendumSave')}
    >
      <Textarea {...bind('text')} label={t('care.notes.note.addendumText')} autosize minRows={3} maxLength={4000} required data-autofocus />
      <Alert color="orange" variant="light">{t('care.notes.note.addendumNotice')}</Alert>
    </FormDialog>
  );
}
