import { type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { noteAddendumRequest } from '../../../shared/contracts/notes.ts';
import { ApiError } from '../../app/api.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { validate } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { addAddendum, notesKeys, type NoteRecord } from './api.ts';

/** A correction to a signed note; it is kept beside the note, which stays as it was signed. */
export function AddendumModal({ note, onClose }: { note: NoteRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, show, bind } = useFormFields<{ text: string }>({ text: '' }, 'addendum', ['text']);

  const mutation = useMutation({
    mutationFn: (text: string) => addAddendum(note.id, text),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('care.notes.note.addendumSaved') });
      void queryClient.invalidateQueries({ queryKey: notesKeys.all(note.wbpId) });
      invalidateCareRecord(queryClient, note.wbpId);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(noteAddendumRequest, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    mutation.mutate(parsed.data.text);
  };

  return (
    <Modal opened onClose={onClose} title={t('care.notes.note.addendumTitle', { topic: note.topic })} size="lg">
      <FormErrorAlert error={mutation.error} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea {...bind('text')} label={t('care.notes.note.addendumText')} autosize minRows={3} maxLength={4000} required data-autofocus />
          <Alert color="orange" variant="light">{t('care.notes.note.addendumNotice')}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('care.notes.note.addendumSave')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
