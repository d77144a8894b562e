import type { FormEvent } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUSES, SEXES } from '../../../shared/contracts/common.ts';
import { createWbpRequest, updateWbpRequest, type WbpDetail } from '../../../shared/contracts/wbp.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { numberOrNull, orNull, validate, type FieldErrors } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PersonLoadError } from '../../components/PersonHeader.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { createWbp, fetchWbp, updateWbp, wbpKeys } from './api.ts';
import { CaseArticlesInput } from './CaseArticlesInput.tsx';

/** What the inputs hold: text as typed, converted to the contract's types only on submit. */
interface FormValues {
  sdpNumber: string;
  fullName: string;
  sex: string;
  birthDate: string;
  birthPlace: string;
  legalStatus: string;
  caseArticles: string[];
  sentenceMonths: string;
  facilityId: string;
  block: string;
  room: string;
  admissionDate: string;
  expectedReleaseDate: string;
}

const FIELD_ORDER: (keyof FormValues)[] = [
  'sdpNumber', 'fullName', 'sex', 'birthDate', 'birthPlace', 'legalStatus', 'caseArticles', 'sentenceMonths',
  'facilityId', 'block', 'room', 'admissionDate', 'expectedReleaseDate',
];

function valuesOf(w: WbpDetail | undefined, defaultFacility: string): FormValues {
  return {
    sdpNumber: w?.sdpNumber ?? '',
    fullName: w?.fullName ?? '',
    sex: w?.sex ?? '',
    birthDate: w?.birthDate ?? '',
    birthPlace: w?.birthPlace ?? '',
    legalStatus: w?.legalStatus ?? '',
    caseArticles: w?.caseArticles ?? [],
    sentenceMonths: w?.sentenceMonths === null || w?.sentenceMonths === undefined ? '' : String(w.sentenceMonths),
    facilityId: w?.facilityId ?? defaultFacility,
    block: w?.block ?? '',
    room: w?.room ?? '',
    admissionDate: w?.admissionDate ?? '',
    expectedReleaseDate: w?.expectedReleaseDate ?? '',
  };
}

export function WbpFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useQuery({
    queryKey: wbpKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchWbp(id ?? '', signal),
    enabled: !!id,
  });
  if (id && detail.isPending) return <Loading />;
  if (id && detail.error) return <PersonLoadError error={detail.error} title={t('wbp.detailTitle')} onRetry={() => void detail.refetch()} />;
  // A new key per loaded version resets the form after a reload (e.g. after a conflict).
  return <WbpForm key={detail.data ? `${detail.data.id}:${detail.data.version}` : 'new'} existing={detail.data} />;
}

function WbpForm({ existing }: { existing: WbpDetail | undefined }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { values, set, errors, show, bind } = useFormFields<FormValues>(
    () => valuesOf(existing, user.facilities.length === 1 ? user.facilities[0]!.id : ''),
    'wbp',
    FIELD_ORDER,
  );
  const fromSdp = existing?.source === 'sdp';

  const mutation = useMutation({
    mutationFn: (body: { create: true; data: Parameters<typeof createWbp>[0] } | { create: false; data: Parameters<typeof updateWbp>[1] }) =>
      body.create ? createWbp(body.data) : updateWbp(existing!.id, body.data),
    onSuccess: (saved) => {
      queryClient.setQueryData(wbpKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['wbp', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['wbp', 'blocks'] });
      notifications.show({ color: 'teal', message: t('wbp.saved', { name: saved.fullName }) });
      navigate(`/wbp/${saved.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  // Zod skips the schema's date-order rule while other fields are invalid; show it at the same time anyway.
  function withDateOrder(found: FieldErrors): FieldErrors {
    const { admissionDate, expectedReleaseDate } = values;
    if (!found.expectedReleaseDate && admissionDate && expectedReleaseDate && expectedReleaseDate < admissionDate) {
      return { ...found, expectedReleaseDate: t('validation.wbp.releaseBeforeAdmission') };
    }
    return found;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = {
      fullName: values.fullName,
      sex: values.sex,
      birthDate: orNull(values.birthDate),
      birthPlace: orNull(values.birthPlace),
      legalStatus: values.legalStatus,
      caseArticles: values.caseArticles,
      sentenceMonths: numberOrNull(values.sentenceMonths),
      block: orNull(values.block),
      room: orNull(values.room),
      admissionDate: values.admissionDate,
      expectedReleaseDate: orNull(values.expectedReleaseDate),
    };
    if (existing) {
      const parsed = validate(updateWbpRequest, {
        ...common, ...(fromSdp ? {} : { sdpNumber: values.sdpNumber }), version: existing.version,
      });
      if (!parsed.ok) return show(withDateOrder(parsed.errors));
      show({});
      mutation.mutate({ create: false, data: parsed.data });
    } else {
      const parsed = validate(createWbpRequest, { ...common, sdpNumber: values.sdpNumber, facilityId: values.facilityId });
      if (!parsed.ok) return show(withDateOrder(parsed.errors));
      show({});
      mutation.mutate({ create: true, data: parsed.data });
    }
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'CONFLICT';
  const invalidCount = Object.values(errors).filter(Boolean).length;
  const title = existing ? t('wbp.editTitle', { name: existing.fullName }) : t('wbp.createTitle');

  return (
    <>
      <PageTitle title={title} />
      {conflict ? (
        <Alert color="yellow" role="alert" mb="md" title={t('wbp.conflictTitle')}>
          <Text size="sm" mb="sm">{t('wbp.conflictBody')}</Text>
          <Button size="xs" onClick={() => void queryClient.invalidateQueries({ queryKey: wbpKeys.detail(existing!.id) })}>
            {t('common.reload')}
          </Button>
        </Alert>
      ) : null}
      <FormErrorAlert error={conflict ? null : mutation.error} />
      {invalidCount > 0 ? (
        <Alert color="red" role="alert" mb="md">
          {t('validation.formHasErrors', { count: invalidCount })}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('wbp.identity')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                {...bind('sdpNumber')}
                label={t('wbp.sdpNumber')}
                description={fromSdp ? t('wbp.sdpNumberFromSdp') : t('wbp.sdpNumberHelp')}
                disabled={fromSdp}
                required
                autoComplete="off"
                spellCheck={false}
              />
              <TextInput {...bind('fullName')} label={t('wbp.fullName')} required autoComplete="off" />
              <Radio.Group label={t('wbp.sex')} value={values.sex} onChange={(v) => set('sex', v)} error={errors.sex} required>
                <Group mt={6}>
                  {SEXES.map((s) => <Radio key={s} value={s} label={t(`sex.${s}`)} id={s === 'L' ? 'wbp-sex' : undefined} required />)}
                </Group>
              </Radio.Group>
              <div />
              <TextInput {...bind('birthDate')} type="date" label={t('wbp.birthDate')} />
              <TextInput {...bind('birthPlace')} label={t('wbp.birthPlace')} />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('wbp.legalSection')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                {...bind('legalStatus')}
                label={t('wbp.legalStatus')}
                data={[{ value: '', label: t('common.choose') }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legalStatus.${s}`) }))]}
                required
              />
              <TextInput {...bind('sentenceMonths')} label={t('wbp.sentenceMonths')} description={t('wbp.sentenceMonthsHelp')} inputMode="numeric" />
            </SimpleGrid>
            <CaseArticlesInput id="wbp-caseArticles" value={values.caseArticles} onChange={(v) => set('caseArticles', v)} error={errors.caseArticles} />
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('wbp.placement')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {existing ? (
                <TextInput label={t('wbp.facility')} value={existing.facilityName} description={t('wbp.facilityViaTransfer')} readOnly disabled />
              ) : (
                <NativeSelect
                  {...bind('facilityId')}
                  label={t('wbp.facility')}
                  data={[
                    ...(user.facilities.length === 1 ? [] : [{ value: '', label: t('common.choose') }]),
                    ...user.facilities.map((f) => ({ value: f.id, label: f.name })),
                  ]}
                  required
                />
              )}
              <div />
              <TextInput {...bind('block')} label={t('wbp.block')} />
              <TextInput {...bind('room')} label={t('wbp.room')} />
              <TextInput {...bind('admissionDate')} type="date" label={t('wbp.admissionDate')} required />
              <TextInput {...bind('expectedReleaseDate')} type="date" label={t('wbp.expectedReleaseDate')} />
            </SimpleGrid>
          </Paper>

          <Group justify="flex-end" className="no-print">
            <Anchor component={Link} to={existing ? `/wbp/${existing.id}` : '/wbp'}>
              {t('common.cancel')}
            </Anchor>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
