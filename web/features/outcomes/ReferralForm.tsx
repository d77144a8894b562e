import { Button, Group, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referralBody, type ReferralBody } from '../../../shared/contracts/conferences.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { InlineForm } from '../../components/InlineForm.tsx';
import { OrganizationSelect } from '../../components/OrganizationSelect.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { createReferral } from './api.ts';

interface ReferralValues {
  toOrganizationId: string | null;
  toName: string;
  reason: string;
  referredOn: string;
}

const EMPTY = (): ReferralValues => ({ toOrganizationId: null, toName: '', reason: '', referredOn: todayIso() });

/** A referral of the person to a clinic, hospital or other service, outside a case conference. */
export function ReferralForm({ wbpId }: { wbpId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, setValues, errors, show, showFailure, bind } = useFormFields<ReferralValues>(EMPTY, 'referral', ['toOrganizationId', 'toName', 'reason', 'referredOn']);

  const save = useMutation({
    mutationFn: (body: ReferralBody) => createReferral(wbpId, body),
    onSuccess: () => {
      invalidateCareRecord(queryClient, wbpId, 'outcomes');
      notifications.show({ color: 'teal', message: t('care.conferences.outcomes.referralSaved') });
      setValues(EMPTY());
    },
    onError: showFailure,
  });

  const submit = () => {
    const parsed = validate(referralBody, { ...values, toName: values.toName || null });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    return save.mutate(parsed.data);
  };

  return (
    <InlineForm id="referral-form" title={t('care.conferences.outcomes.newReferral')} error={save.error} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrganizationSelect
          id="referral-toOrganizationId"
          label={t('care.conferences.outcomes.toOrganization')}
          value={values.toOrganizationId}
          onChange={(v) => set('toOrganizationId', v)}
          error={errors.toOrganizationId}
          clearable
        />
        <TextInput
          {...bind('toName')}
          label={t('care.conferences.outcomes.toName')}
          description={t('care.conferences.outcomes.toNameHelp')}
          maxLength={200}
        />
      </SimpleGrid>
      <Textarea {...bind('reason')} label={t('care.conferences.outcomes.why')} autosize minRows={2} maxLength={2000} required />
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <TextInput {...bind('referredOn')} type="date" label={t('care.conferences.outcomes.referredOn')} max={todayIso()} required />
        <Button type="submit" loading={save.isPending}>{t('care.conferences.outcomes.saveReferral')}</Button>
      </Group>
    </InlineForm>
  );
}
