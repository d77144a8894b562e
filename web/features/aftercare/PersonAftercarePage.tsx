import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_METHODS, RELEASE_KINDS, aftercareReferralBody, consentBody, releasePlanBody,
} from '../../../shared/contracts/aftercare.ts';
import { receivesAftercare } from '../../../shared/domain/aftercare.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, todayIso, withSubject } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { orNull, validate } from '../../app/validation.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { InlineForm } from '../../components/InlineForm.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import {
  aftercareKeys, cancelPlan, createPlan, fetchPersonAftercare, recordConsent, recordRelease, referToAftercare, revokeConsent, type ConsentRecord,
  type PersonAftercare, type ReleasePlanRecord,
} from './api.ts';
import { ReferralsTable } from './ReferralsTable.tsx';

/** A person's release: the plans (PB, CB, end of sentence), their consents to share, and the referrals to aftercare. */
export function PersonAftercarePage() {
  const { id = '' } = useParams();
  return (
    <CarePage wbpId={id} tab="aftercare">
      {(w) => <PersonAftercare wbpId={w.id} name={w.fullName} facilityId={w.facilityId} />}
    </CarePage>
  );
}

function PersonAftercare({ wbpId, name, facilityId }: { wbpId: string; name: string; facilityId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const record = useQuery({ queryKey: aftercareKeys.person(wbpId), queryFn: ({ signal }) => fetchPersonAftercare(wbpId, signal) });
  const release = useDialog<ReleasePlanRecord>();
  const cancel = useDialog<ReleasePlanRecord>();
  const revoke = useDialog<ConsentRecord>();

  return (
    <QueryView query={record} isEmpty={() => false}>
      {(data: PersonAftercare) => (
        <Stack>
          {data.releasedOn ? <Badge color="teal" variant="light" size="lg">{t('aftercare.person.released', { date: formatDate(data.releasedOn) })}</Badge> : null}
          <Section id="aftercare-plans" title={t('aftercare.person.plans')}>
            {data.plans.length === 0 ? <Text size="sm" c="dimmed">{t('aftercare.person.noPlans')}</Text> : (
              <DataTable
                minWidth={640}
                aria-label={t('aftercare.person.plansLabel')}
                columns={[t('aftercare.person.kind'), t('aftercare.person.decisionNumber'), t('aftercare.person.expectedOn'), t('aftercare.person.status'), '']}
              >
                <Table.Tbody>
                  {data.plans.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{t(`aftercare.releaseKind.${p.kind}`)}</Table.Td>
                      <Table.Td>{p.decisionNumber ? `${p.decisionNumber} (${formatDate(p.decisionDate)})` : '—'}</Table.Td>
                      <Table.Td>{formatDate(p.expectedOn)}</Table.Td>
                      <Table.Td>
                        {t(`aftercare.planStatus.${p.status}`)}
                        {p.releasedOn ? ` · ${formatDate(p.releasedOn)}` : ''}
                      </Table.Td>
                      <Table.Td className="no-print">
                        {can('release.manage') && p.status === 'planned' ? (
                          <Group gap="xs" wrap="nowrap">
                            <Button size="compact-sm" variant="light" onClick={(e) => release.open(p, e.currentTarget)}>{t('aftercare.person.release')}</Button>
                            <Button size="compact-sm" variant="subtle" color="red" onClick={(e) => cancel.open(p, e.currentTarget)}>{t('aftercare.person.cancelPlan')}</Button>
                          </Group>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
            )}
            {can('release.manage') && !data.releasedOn && !data.plans.some((p) => p.status === 'planned') ? <PlanForm wbpId={wbpId} /> : null}
          </Section>

          <Section id="aftercare-consents" title={t('aftercare.person.consents')}>
            <Text size="sm" c="dimmed" mb="xs">{t('aftercare.person.consentsHelp')}</Text>
            {data.consents.length === 0 ? <Text size="sm" c="dimmed">{t('aftercare.person.noConsents')}</Text> : (
              <DataTable
                minWidth={640}
                aria-label={t('aftercare.person.consentsLabel')}
                columns={[t('aftercare.person.organization'), t('aftercare.person.givenOn'), t('aftercare.person.method'), t('aftercare.person.status'), '']}
              >
                <Table.Tbody>
                  {data.consents.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.organizationName}</Table.Td>
                      <Table.Td>{formatDate(c.givenOn)}</Table.Td>
                      <Table.Td>{t(`aftercare.method.${c.method}`)}{c.witnessName ? ` (${c.witnessName})` : ''}</Table.Td>
                      <Table.Td>
                        {c.inForce ? <Badge color="teal" variant="light">{t('aftercare.person.inForce')}</Badge>
                          : t('aftercare.person.revokedOn', { date: formatDate(c.revokedOn), reason: c.revocationReason ?? '' })}
                      </Table.Td>
                      <Table.Td className="no-print">
                        {can('consent.manage', facilityId) && c.inForce ? (
                          <Button size="compact-sm" variant="light" color="red" aria-label={withSubject(t('aftercare.person.revoke'), c.organizationName)}
                            onClick={(e) => revoke.open(c, e.currentTarget)}>
                            {t('aftercare.person.revoke')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
            )}
            {can('consent.manage', facilityId) ? <ConsentForm wbpId={wbpId} /> : null}
          </Section>

          <Section id="aftercare-referrals" title={t('aftercare.person.referrals')}>
            {data.referrals.length === 0 ? <Text size="sm" c="dimmed">{t('aftercare.person.noReferrals')}</Text> : <ReferralsTable referrals={data.referrals} side="sender" />}
            {can('aftercare.refer') ? (
              // Mounted afresh when the plans or consents change, so the choices start on what is there.
              <ReferralForm key={[...data.plans.map((p) => `${p.id}:${p.status}`), ...data.consents.filter((c) => c.inForce).map((c) => c.id)].join()} wbpId={wbpId} data={data} />
            ) : null}
          </Section>

          {release.subject ? <ReleaseDialog wbpId={wbpId} plan={release.subject} name={name} onClose={release.close} /> : null}
          {cancel.subject ? <CancelPlanDialog wbpId={wbpId} plan={cancel.subject} onClose={cancel.close} /> : null}
          {revoke.subject ? <RevokeDialog wbpId={wbpId} consent={revoke.subject} onClose={revoke.close} /> : null}
        </Stack>
      )}
    </QueryView>
  );
}

function useSaved(wbpId: string, message: string, after?: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: aftercareKeys.all });
    invalidateCareRecord(queryClient, wbpId, 'outcomes');
    notifications.show({ color: 'teal', message });
    after?.();
  };
}

interface PlanValues { kind: string; decisionNumber: string; decisionDate: string; expectedOn: string; note: string }
const EMPTY_PLAN = (): PlanValues => ({ kind: 'pb', decisionNumber: '', decisionDate: '', expectedOn: '', note: '' });

function PlanForm({ wbpId }: { wbpId: string }) {
  const { t } = useTranslation();
  const { values, setValues, show, showFailure, bind } = useFormFields<PlanValues>(EMPTY_PLAN, 'plan', ['kind', 'decisionNumber', 'decisionDate', 'expectedOn', 'note']);
  const saved = useSaved(wbpId, t('aftercare.person.planSaved'), () => setValues(EMPTY_PLAN()));
  const save = useMutation({ mutationFn: (body: Parameters<typeof createPlan>[1]) => createPlan(wbpId, body), onSuccess: saved, onError: showFailure });
  const submit = () => {
    const parsed = validate(releasePlanBody, {
      kind: values.kind, decisionNumber: orNull(values.decisionNumber), decisionDate: orNull(values.decisionDate), expectedOn: values.expectedOn, note: orNull(values.note),
    });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    return save.mutate(parsed.data);
  };
  return (
    <InlineForm id="plan-form" title={t('aftercare.person.newPlan')} error={save.error} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect {...bind('kind')} label={t('aftercare.person.kind')} data={RELEASE_KINDS.map((k) => ({ value: k, label: t(`aftercare.releaseKind.${k}`) }))} required />
        <TextInput {...bind('expectedOn')} type="date" label={t('aftercare.person.expectedOn')} required />
        <TextInput {...bind('decisionNumber')} label={t('aftercare.person.decisionNumber')} maxLength={120} />
        <TextInput {...bind('decisionDate')} type="date" label={t('aftercare.person.decisionDate')} max={todayIso()} />
      </SimpleGrid>
      <Textarea {...bind('note')} label={t('aftercare.person.note')} autosize minRows={1} maxLength={2000} />
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('aftercare.person.savePlan')}</Button></Group>
    </InlineForm>
  );
}

interface ConsentValues { organizationId: string; givenOn: string; method: string; witnessName: string }
const EMPTY_CONSENT = (): ConsentValues => ({ organizationId: '', givenOn: todayIso(), method: 'signed_form', witnessName: '' });

function ConsentForm({ wbpId }: { wbpId: string }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const receivers = (orgs.data ?? []).filter((o) => receivesAftercare(o.kind));
  const { values, setValues, show, showFailure, bind } = useFormFields<ConsentValues>(EMPTY_CONSENT, 'consent', ['organizationId', 'givenOn', 'method', 'witnessName']);
  const saved = useSaved(wbpId, t('aftercare.person.consentSaved'), () => setValues(EMPTY_CONSENT()));
  const save = useMutation({ mutationFn: (body: Parameters<typeof recordConsent>[1]) => recordConsent(wbpId, body), onSuccess: saved, onError: showFailure });
  const submit = () => {
    const parsed = validate(consentBody, { ...values, witnessName: orNull(values.witnessName) });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    return save.mutate(parsed.data);
  };
  return (
    <InlineForm id="consent-form" title={t('aftercare.person.newConsent')} error={save.error} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          {...bind('organizationId')}
          label={t('aftercare.person.organization')}
          data={[{ value: '', label: t('common.choose') }, ...receivers.map((o) => ({ value: o.id, label: o.name }))]}
          required
        />
        <TextInput {...bind('givenOn')} type="date" label={t('aftercare.person.givenOn')} max={todayIso()} required />
        <NativeSelect {...bind('method')} label={t('aftercare.person.method')} data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`aftercare.method.${m}`) }))} />
        <TextInput {...bind('witnessName')} label={t('aftercare.person.witnessName')} maxLength={120} required={values.method === 'verbal_witnessed'} />
      </SimpleGrid>
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('aftercare.person.saveConsent')}</Button></Group>
    </InlineForm>
  );
}

interface ReferralValues { releasePlanId: string; toOrganizationId: string; reason: string; carePlan: string; referredOn: string }

function ReferralForm({ wbpId, data }: { wbpId: string; data: PersonAftercare }) {
  const { t } = useTranslation();
  const plans = data.plans.filter((p) => p.status !== 'cancelled');
  const consented = data.consents.filter((c) => c.inForce);
  const empty = (): ReferralValues => ({ releasePlanId: plans[0]?.id ?? '', toOrganizationId: consented[0]?.organizationId ?? '', reason: '', carePlan: '', referredOn: todayIso() });
  const { values, setValues, show, showFailure, bind } = useFormFields<ReferralValues>(empty, 'referral', ['releasePlanId', 'toOrganizationId', 'reason', 'carePlan', 'referredOn']);
  const saved = useSaved(wbpId, t('aftercare.person.referralSaved'), () => setValues(empty()));
  const save = useMutation({ mutationFn: (body: Parameters<typeof referToAftercare>[1]) => referToAftercare(wbpId, body), onSuccess: saved, onError: showFailure });
  if (plans.length === 0 || consented.length === 0) return <Text size="sm" c="dimmed" mt="sm" className="no-print">{t('aftercare.person.needsPlan')}</Text>;
  const submit = () => {
    const parsed = validate(aftercareReferralBody, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    return save.mutate(parsed.data);
  };
  return (
    <InlineForm id="referral-form" title={t('aftercare.person.newReferral')} error={save.error} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          {...bind('releasePlanId')}
          label={t('aftercare.person.plan')}
          data={plans.map((p) => ({ value: p.id, label: `${t(`aftercare.releaseKind.${p.kind}`)} · ${formatDate(p.releasedOn ?? p.expectedOn)}` }))}
        />
        <NativeSelect {...bind('toOrganizationId')} label={t('aftercare.person.organization')} data={consented.map((c) => ({ value: c.organizationId, label: c.organizationName }))} />
      </SimpleGrid>
      <Textarea {...bind('reason')} label={t('aftercare.person.reason')} autosize minRows={2} maxLength={2000} required />
      <Textarea {...bind('carePlan')} label={t('aftercare.person.carePlan')} autosize minRows={2} maxLength={4000} required />
      <Group align="flex-end" justify="space-between">
        <TextInput {...bind('referredOn')} type="date" label={t('aftercare.person.referredOn')} max={todayIso()} required />
        <Button type="submit" loading={save.isPending}>{t('aftercare.person.saveReferral')}</Button>
      </Group>
    </InlineForm>
  );
}

function ReleaseDialog({ wbpId, plan, name, onClose }: { wbpId: string; plan: ReleasePlanRecord; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields<{ releasedOn: string }>({ releasedOn: todayIso() }, 'release', ['releasedOn']);
  const saved = useSaved(wbpId, t('aftercare.person.releaseSaved'), onClose);
  const save = useMutation({ mutationFn: () => recordRelease(plan.id, values.releasedOn), onSuccess: saved, onError: showFailure });
  return (
    <FormDialog title={t('aftercare.person.releaseTitle', { name })} onClose={onClose} pending={save.isPending} error={save.error}
      onSubmit={() => (values.releasedOn ? save.mutate() : show({ releasedOn: t('validation.required') }))} submitLabel={t('aftercare.person.release')}>
      <Text size="sm">{t('aftercare.person.releaseHelp')}</Text>
      <TextInput {...bind('releasedOn')} type="date" label={t('aftercare.person.releasedOn')} max={todayIso()} required data-autofocus />
    </FormDialog>
  );
}

function CancelPlanDialog({ wbpId, plan, onClose }: { wbpId: string; plan: ReleasePlanRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields<{ reason: string }>({ reason: '' }, 'cancelPlan', ['reason']);
  const saved = useSaved(wbpId, t('aftercare.person.planCancelled'), onClose);
  const save = useMutation({ mutationFn: () => cancelPlan(plan.id, values.reason), onSuccess: saved, onError: showFailure });
  return (
    <FormDialog title={t('aftercare.person.cancelPlanTitle', { kind: t(`aftercare.releaseKind.${plan.kind}`) })} onClose={onClose} pending={save.isPending}
      error={save.error} onSubmit={() => (values.reason.trim() ? save.mutate() : show({ reason: t('validation.required') }))}
      submitLabel={t('aftercare.person.cancelPlanSubmit')} submitColor="red">
      <Text size="sm">{t('aftercare.person.cancelPlanHelp')}</Text>
      <Textarea {...bind('reason')} label={t('aftercare.person.cancelPlanReason')} autosize minRows={2} maxLength={2000} required data-autofocus />
    </FormDialog>
  );
}

function RevokeDialog({ wbpId, consent, onClose }: { wbpId: string; consent: ConsentRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields<{ revokedOn: string; reason: string }>({ revokedOn: todayIso(), reason: '' }, 'revoke', ['revokedOn', 'reason']);
  const saved = useSaved(wbpId, t('aftercare.person.revoked'), onClose);
  const save = useMutation({ mutationFn: () => revokeConsent(consent.id, values), onSuccess: saved, onError: showFailure });
  return (
    <FormDialog title={t('aftercare.person.revokeTitle', { name: consent.organizationName })} onClose={onClose} pending={save.isPending} error={save.error}
      onSubmit={() => (values.reason.trim() ? save.mutate() : show({ reason: t('validation.required') }))} submitLabel={t('aftercare.person.revokeSubmit')} submitColor="red">
      <TextInput {...bind('revokedOn')} type="date" label={t('aftercare.person.revokeDate')} max={todayIso()} required />
      <Textarea {...bind('reason')} label={t('aftercare.person.revokeReason')} autosize minRows={2} maxLength={2000} required data-autofocus />
    </FormDialog>
  );
}

