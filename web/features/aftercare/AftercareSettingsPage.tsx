import type { FormEvent } from 'react';
import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { followUpMonthsProblem } from '../../../shared/domain/aftercare.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { aftercareKeys, fetchAftercareSettings, saveAftercareSettings } from './api.ts';

/** The months after release at which aftercare referrals are followed up (national setting). */
export function AftercareSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: aftercareKeys.settings, queryFn: ({ signal }) => fetchAftercareSettings(signal) });
  return (
    <>
      <PageTitle title={t('aftercare.settings.title')} subtitle={t('aftercare.settings.subtitle')} />
      <QueryView query={settings} isEmpty={() => false}>
        {(data: { followUpMonths: number[] }) => <MonthsForm key={data.followUpMonths.join()} initial={data.followUpMonths} />}
      </QueryView>
    </>
  );
}

function MonthsForm({ initial }: { initial: number[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, show, showFailure, bind } = useFormFields({ followUpMonths: initial.join(', ') }, 'aftercare', ['followUpMonths']);
  const save = useMutation({
    mutationFn: (months: number[]) => saveAftercareSettings(months),
    onSuccess: (saved) => {
      queryClient.setQueryData(aftercareKeys.settings, saved);
      notifications.show({ color: 'teal', message: t('aftercare.settings.saved') });
    },
    onError: showFailure,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const months = values.followUpMonths.split(/[,;\s]+/).filter(Boolean).map(Number);
    if (followUpMonthsProblem(months) !== null) return show({ followUpMonths: t('aftercare.settings.invalid') });
    show({});
    return save.mutate(months);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate maw={560}>
      <Stack>
        <FormErrorAlert error={save.error} />
        <TextInput {...bind('followUpMonths')} label={t('aftercare.settings.months')} description={t('aftercare.settings.monthsHelp')} required />
        <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('common.save')}</Button></Group>
      </Stack>
    </Paper>
  );
}
