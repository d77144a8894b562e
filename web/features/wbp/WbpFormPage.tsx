import { useState, type FormEvent } from 'react';
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
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
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
  const { id } = useParams();
  const detail = useQuery({
    queryKey: wbpKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchWbp(id ?? '', signal),
    enabled: !!id,
  });
  if (id && detail.isPending) return <Loading />;
  if (id && detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  // A new key per loaded version resets the form after a reload (e.g. after a conflict).
  return <WbpForm key={detail.data ? `${detail.data.id}:${detail.data.version}` : 'new'} existing={detail.data} />;
}

function WbpForm({ existing }: { existing: WbpDetail | undefined }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(() => valuesOf(existing, user.facilities.length === 1 ? user.facilities[0]!.id : ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: '' }));
  };
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
      if (err instanceof ApiError && err.fields.length > 0) {
        const fieldErrors = err.fieldErrors();
        setErrors(fieldErrors);
        focusFirst(fieldErrors);
      }
    },
  });

  function focusFirst(found: FieldErrors) {
    const first = FIELD_ORDER.find((k) => found[k]);
    if (first) document.getElementById(`wbp-${first}`)?.focus();
  }

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
      const input = { ...common, ...(fromSdp ? {} : { sdpNumber: values.sdpNumber }), version: existing.version };
      const parsed = validate(updateWbpRequest, input);
      if (!parsed.ok) {
        const found = withDateOrder(parsed.errors);
        setErrors(found);
        focusFirst(found);
        return;
      }
      setErrors({});
      mutation.mutate({ create: false, data: parsed.data });
    } else {
      const parsed = validate(createWbpRequest, { ...common, sdpNumber: values.sdpNumber, facilityId: values.facilityId });
      if (!parsed.ok) {
        const found = withDateOrder(parsed.errors);
        setErrors(found);
        focusFirst(found);
        return;
      }
      setErrors({});
      mutation.mutate({ create: true, data: parsed.data });
    }
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'CONFLICT';
  const otherError = mutation.error && !conflict && !(mutation.error instanceof ApiError && mutation.error.fields.length > 0) ? mutation.error : null;
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
      <ErrorAlert error={otherError} />
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
                id="wbp-sdpNumber"
                label={t('wbp.sdpNumber')}
                description={fromSdp ? t('wbp.sdpNumberFromSdp') : t('wbp.sdpNumberHelp')}
                value={values.sdpNumber}
                onChange={(e) => set('sdpNumber', e.currentTarget.value)}
                error={errors.sdpNumber}
                disabled={fromSdp}
                required
                autoComplete="off"
                spellCheck={false}
              />
              <TextInput
                id="wbp-fullName"
                label={t('wbp.fullName')}
                value={values.fullName}
                onChange={(e) => set('fullName', e.currentTarget.value)}
                error={errors.fullName}
                required
                autoComplete="off"
              />
              <Radio.Group
                label={t('wbp.sex')}
                value={values.sex}
                onChange={(v) => set('sex', v)}
                error={errors.sex}
                required
              >
                <Group mt={6}>
                  {SEXES.map((s) => <Radio key={s} value={s} label={t(`sex.${s}`)} id={s === 'L' ? 'wbp-sex' : undefined} required />)}
                </Group>
              </Radio.Group>
              <div />
              <TextInput
                id="wbp-birthDate"
                type="date"
                label={t('wbp.birthDate')}
                value={values.birthDate}
                onChange={(e) => set('birthDate', e.currentTarget.value)}
                error={errors.birthDate}
              />
              <TextInput
                id="wbp-birthPlace"
                label={t('wbp.birthPlace')}
                value={values.birthPlace}
                onChange={(e) => set('birthPlace', e.currentTarget.value)}
                error={errors.birthPlace}
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">{t('wbp.legalSection')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                id="wbp-legalStatus"
                label={t('wbp.legalStatus')}
                value={values.legalStatus}
                onChange={(e) => set('legalStatus', e.currentTarget.value)}
                data={[{ value: '', label: t('common.choose') }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: t(`legalStatus.${s}`) }))]}
                error={errors.legalStatus}
                required
              />
              <TextInput
                id="wbp-sentenceMonths"
                label={t('wbp.sentenceMonths')}
                description={t('wbp.sentenceMonthsHelp')}
                inputMode="numeric"
                value={values.sentenceMonths}
                onChange={(e) => set('sentenceMonths', e.currentTarget.value)}
                error={errors.sentenceMonths}
              />
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
                  id="wbp-facilityId"
                  label={t('wbp.facility')}
                  value={values.facilityId}
                  onChange={(e) => set('facilityId', e.currentTarget.value)}
                  data={[
                    ...(user.facilities.length === 1 ? [] : [{ value: '', label: t('common.choose') }]),
                    ...user.facilities.map((f) => ({ value: f.id, label: f.name })),
                  ]}
                  error={errors.facilityId}
                  required
                />
              )}
              <div />
              <TextInput id="wbp-block" label={t('wbp.block')} value={values.block} onChange={(e) => set('block', e.currentTarget.value)} error={errors.block} />
              <TextInput id="wbp-room" label={t('wbp.room')} value={values.room} onChange={(e) => set('room', e.currentTarget.value)} error={errors.room} />
              <TextInput
                id="wbp-admissionDate"
                type="date"
                label={t('wbp.admissionDate')}
                value={values.admissionDate}
                onChange={(e) => set('admissionDate', e.currentTarget.value)}
                error={errors.admissionDate}
                required
              />
              <TextInput
                id="wbp-expectedReleaseDate"
                type="date"
                label={t('wbp.expectedReleaseDate')}
                value={values.expectedReleaseDate}
                onChange={(e) => set('expectedReleaseDate', e.currentTarget.value)}
                error={errors.expectedReleaseDate}
              />
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
