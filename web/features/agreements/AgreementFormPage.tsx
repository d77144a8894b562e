import type { FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_KINDS,
  AGREEMENT_SCOPES,
  agreementBody,
  updateAgreementBody,
  type AgreementBody,
  type AgreementRecord,
  type AgreementScope,
  type UpdateAgreementBody,
} from '../../../shared/contracts/agreements.ts';
import { CUSTODIAL_KINDS, ORG_KINDS } from '../../../shared/contracts/common.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { translateKey } from '../../app/i18n.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { agreementKeys, createAgreement, fetchAgreement, updateAgreement } from './api.ts';
import { agreementInput, dateOrderProblems, FIELD_ORDER, valuesOf, type AgreementValues } from './form.ts';

/** A new agreement (/perjanjian/baru) or a change to one (/perjanjian/:id/ubah). */
export function AgreementFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useQuery({ queryKey: agreementKeys.detail(id ?? ''), queryFn: ({ signal }) => fetchAgreement(id ?? '', signal), enabled: !!id });
  if (id && detail.isPending) return <Loading />;
  if (id && detail.error) {
    return (
      <>
        <PageTitle title={t('agreements.title')} />
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  // A new key per loaded version resets the form after a reload (e.g. after a conflict).
  return <AgreementForm key={detail.data ? `${detail.data.id}:${detail.data.version}` : 'new'} existing={detail.data} />;
}

function AgreementForm({ existing }: { existing: AgreementRecord | undefined }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const orgs = useOrganizations();
  // A head of unit signs for their own unit: it starts as a party.
  const ownUnit = CUSTODIAL_KINDS.includes(user.organization.kind) ? [user.organization.id] : [];
  const { values, set, errors, show, showFailure, bind } = useFormFields<AgreementValues>(() => valuesOf(existing, ownUnit), 'agreement', FIELD_ORDER);

  const mutation = useMutation({
    mutationFn: (body: AgreementBody | UpdateAgreementBody) =>
      existing && 'version' in body ? updateAgreement(existing.id, body) : createAgreement(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(agreementKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['agreements', 'list'] });
      void queryClient.invalidateQueries({ queryKey: agreementKeys.alerts });
      notifications.show({ color: 'teal', message: t('agreements.form.saved', { number: saved.number }) });
      navigate(`/perjanjian/${saved.id}`);
    },
    onError: showFailure,
  });

  const withDateOrder = (found: FieldErrors): FieldErrors => {
    const out = { ...found };
    for (const [field, rule] of Object.entries(dateOrderProblems(values))) out[field] ||= translateKey(`validation.${rule}`) ?? t('validation.invalid');
    return out;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = existing
      ? validate(updateAgreementBody, agreementInput(values, existing.version))
      : validate(agreementBody, agreementInput(values));
    if (!parsed.ok) return show(withDateOrder(parsed.errors));
    show({});
    mutation.mutate(parsed.data);
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'CONFLICT';
  const invalidCount = Object.values(errors).filter(Boolean).length;
  const groups = ORG_KINDS.map((kind) => ({
    group: t(`orgKind.${kind}`),
    items: (orgs.data ?? []).filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` })),
  })).filter((g) => g.items.length > 0);

  return (
    <>
      <PageTitle title={existing ? t('agreements.form.editTitle', { number: existing.number }) : t('agreements.form.createTitle')} />
      {conflict && existing ? (
        <Alert color="yellow" role="alert" mb="md" title={t('agreements.form.conflictTitle')}>
          <Text size="sm" mb="sm">{t('agreements.form.conflictBody')}</Text>
          <Button size="xs" onClick={() => void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(existing.id) })}>
            {t('common.reload')}
          </Button>
        </Alert>
      ) : null}
      <FormErrorAlert error={conflict ? null : mutation.error} />
      {invalidCount > 0 ? (
        <Alert color="red" role="alert" mb="md">{t('validation.formHasErrors', { count: invalidCount })}</Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('agreements.form.facts')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput {...bind('number')} label={t('agreements.number')} required autoComplete="off" spellCheck={false} />
              <NativeSelect
                {...bind('kind')}
                label={t('agreements.kind')}
                required
                data={[{ value: '', label: t('common.choose') }, ...AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kindName.${k}`) }))]}
              />
            </SimpleGrid>
            <TextInput {...bind('title')} label={t('agreements.titleField')} required mt="sm" />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="sm">
              <TextInput {...bind('signedOn')} type="date" label={t('agreements.signedOn')} required />
              <TextInput {...bind('validFrom')} type="date" label={t('agreements.validFrom')} required />
              <TextInput {...bind('validUntil')} type="date" label={t('agreements.validUntil')} description={t('agreements.validUntilHelp')} />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md">
            <MultiSelect
              id="agreement-partyIds"
              label={t('agreements.parties')}
              description={t('agreements.partiesHelp')}
              placeholder={orgs.isPending ? t('common.loading') : t('agreements.form.partiesPlaceholder')}
              data={groups}
              value={values.partyIds}
              onChange={(v) => set('partyIds', v)}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              error={errors.partyIds || (orgs.error ? (orgs.error.message || t('errors.unknown')) : undefined)}
              required
            />
          </Paper>

          <Paper withBorder p="md">
            <Checkbox.Group
              label={t('agreements.scopes')}
              description={t('agreements.scopesHelp')}
              value={values.scopes}
              onChange={(v) => set('scopes', AGREEMENT_SCOPES.filter((s) => v.includes(s)))}
              error={errors.scopes}
              required
            >
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="xs">
                {AGREEMENT_SCOPES.map((s: AgreementScope, i) => (
                  <Checkbox key={s} value={s} label={t(`agreements.scope.${s}`)} id={i === 0 ? 'agreement-scopes' : undefined} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Paper>

          <Paper withBorder p="md">
            <Textarea {...bind('note')} label={t('agreements.note')} autosize minRows={3} maxRows={10} />
          </Paper>

          <Group justify="flex-end" className="no-print">
            <Anchor component={Link} to={existing ? `/perjanjian/${existing.id}` : '/perjanjian'}>{t('common.cancel')}</Anchor>
            <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
