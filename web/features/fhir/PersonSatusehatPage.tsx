import type { FormEvent } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS } from '../../../shared/contracts/aftercare.ts';
import { healthConsentBody, healthConsentRevokeBody } from '../../../shared/contracts/fhir.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { orNull, validate } from '../../app/validation.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { InlineForm } from '../../components/InlineForm.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { type HealthConsentRecord, bundlePath, fetchHealthConsents, fhirKeys, recordHealthConsent, revokeHealthConsent } from './api.ts';
import { type ConsentStatus, consentStatus } from './status.ts';

/** A person's consent to share health data with SATUSEHAT, its history, and their FHIR Bundle while it is in force. */
export function PersonSatusehatPage() {
  const { id = '' } = useParams();
  return (
    <CarePage wbpId={id} tab="satusehat">
      {(w) => <PersonSatusehat person={w} />}
    </CarePage>
  );
}

function PersonSatusehat({ person }: { person: WbpDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const consents = useQuery({ queryKey: fhirKeys.consents(person.id), queryFn: ({ signal }) => fetchHealthConsents(person.id, signal) });
  const manages = can('consent.manage', person.facilityId);

  return (
    <QueryView query={consents} isEmpty={() => false}>
      {(items) => {
        const status = consentStatus(items);
        return (
          <Stack>
            <Section id="satusehat-consent" title={t('exports.satusehat.title')}>
              <Text size="sm" c="dimmed" mb="sm">{t('exports.satusehat.help')}</Text>
              <StatusLine status={status} />
              {items.length > 0 ? <History items={items} /> : null}
              {manages && status.state !== 'inForce' ? <ConsentForm wbpId={person.id} /> : null}
              {manages && status.state === 'inForce' ? <RevokeForm person={person} consent={status.consent} /> : null}
            </Section>
            {can('fhir.export', person.facilityId) ? <BundleSection person={person} inForce={status.state === 'inForce'} /> : null}
          </Stack>
        );
      }}
    </QueryView>
  );
}

function StatusLine({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  const [color, label, sentence] = status.state === 'inForce'
    ? ['teal', t('exports.satusehat.inForce'), t('exports.satusehat.statusInForce', { date: formatDate(status.consent.givenOn) })]
    : status.state === 'revoked'
      ? ['red', t('exports.satusehat.revoked'), t('exports.satusehat.statusRevoked', { date: formatDate(status.consent.revokedOn) })]
      : ['gray', t('exports.satusehat.none'), t('exports.satusehat.statusNone')];
  return (
    <Group gap="sm" mb="sm" role="status" aria-label={t('exports.satusehat.status')}>
      <Badge color={color} variant="light" size="lg">{label}</Badge>
      <Text size="sm">{sentence}</Text>
    </Group>
  );
}

function History({ items }: { items: HealthConsentRecord[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={3} size="h6" mt="sm" mb="xs">{t('exports.satusehat.history')}</Title>
      <DataTable
        minWidth={640}
        aria-label={t('exports.satusehat.historyLabel')}
        columns={[t('exports.satusehat.givenOn'), t('exports.satusehat.method'), t('exports.satusehat.recordedBy'), t('exports.satusehat.status')]}
      >
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{formatDate(c.givenOn)}</Table.Td>
              <Table.Td>{t(`aftercare.method.${c.method}`)}{c.witnessName ? ` (${c.witnessName})` : ''}</Table.Td>
              <Table.Td>{c.recordedBy}</Table.Td>
              <Table.Td>
                {c.inForce ? <Badge color="teal" variant="light">{t('exports.satusehat.inForce')}</Badge>
                  : t('exports.satusehat.revokedOn', { date: formatDate(c.revokedOn), reason: c.revocationReason ?? '' })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
    </>
  );
}

/** After a change: the person's consents again (the export's answer depends on them), and say so. */
function useSaved(wbpId: string, message: string, after: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: fhirKeys.consents(wbpId) });
    notifications.show({ color: 'teal', message });
    after();
  };
}

interface ConsentValues { givenOn: string; method: string; witnessName: string }
const EMPTY_CONSENT = (): ConsentValues => ({ givenOn: todayIso(), method: 'signed_form', witnessName: '' });

/** Recording a consent, as the consent to share with an aftercare organisation is recorded: verbal consent names its witness. */
function ConsentForm({ wbpId }: { wbpId: string }) {
  const { t } = useTranslation();
  const { values, setValues, show, showFailure, bind } = useFormFields<ConsentValues>(EMPTY_CONSENT, 'satusehat-consent', ['givenOn', 'method', 'witnessName']);
  const saved = useSaved(wbpId, t('exports.satusehat.saved'), () => setValues(EMPTY_CONSENT()));
  const save = useMutation({ mutationFn: (body: Parameters<typeof recordHealthConsent>[1]) => recordHealthConsent(wbpId, body), onSuccess: saved, onError: showFailure });
  const submit = () => {
    const parsed = validate(healthConsentBody, { ...values, witnessName: orNull(values.witnessName) });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    return save.mutate(parsed.data);
  };
  return (
    <InlineForm id="satusehat-consent-form" title={t('exports.satusehat.newConsent')} error={save.error} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput {...bind('givenOn')} type="date" label={t('exports.satusehat.givenOn')} max={todayIso()} required />
        <NativeSelect {...bind('method')} label={t('exports.satusehat.method')} data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`aftercare.method.${m}`) }))} />
        <TextInput {...bind('witnessName')} label={t('exports.satusehat.witnessName')} maxLength={120} required={values.method === 'verbal_witnessed'} />
      </SimpleGrid>
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('exports.satusehat.save')}</Button></Group>
    </InlineForm>
  );
}

interface RevokeValues { revokedOn: string; reason: string }

/** Revoking the consent in force: the day and the reason, checked, then a question before it is sent. */
function RevokeForm({ person, consent }: { person: WbpDetail; consent: HealthConsentRecord }) {
  const { t } = useTranslation();
  const { values, setValues, show, showFailure, bind } = useFormFields<RevokeValues>(() => ({ revokedOn: todayIso(), reason: '' }), 'satusehat-revoke', ['revokedOn', 'reason']);
  const saved = useSaved(person.id, t('exports.satusehat.revokedSaved'), () => setValues({ revokedOn: todayIso(), reason: '' }));
  const { mutation, ask, confirm } = useConfirmedSave({
    save: (body: RevokeValues) => revokeHealthConsent(consent.id, body),
    onSaved: saved,
    onFailed: showFailure,
  });
  const review = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(healthConsentRevokeBody, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    ask(parsed.data);
  };
  return (
    <Paper withBorder p="sm" mt="md" className="no-print">
      <form id="satusehat-revoke-form" onSubmit={review} noValidate aria-labelledby="satusehat-revoke-form-title">
        <Title order={3} size="h6" mb="xs" id="satusehat-revoke-form-title">{t('exports.satusehat.revokeForm')}</Title>
        <FormErrorAlert error={mutation.error} />
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput {...bind('revokedOn')} type="date" label={t('exports.satusehat.revokeDate')} min={consent.givenOn} max={todayIso()} required />
          </SimpleGrid>
          <Textarea {...bind('reason')} label={t('exports.satusehat.revokeReason')} autosize minRows={2} maxLength={2000} required />
          <Group justify="flex-end">
            <Button type="submit" color="red" variant="light" loading={mutation.isPending}>{t('exports.satusehat.revokeSubmit')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        {...confirm}
        title={t('exports.satusehat.revokeForm')}
        message={t('exports.satusehat.revokeQuestion', { name: person.fullName })}
        confirmLabel={t('exports.satusehat.revokeSubmit')}
        color="red"
      />
    </Paper>
  );
}

/** The person's Bundle: offered only with a consent in force; a 409 (revoked meanwhile) says why and refreshes the status. */
function BundleSection({ person, inForce }: { person: WbpDetail; inForce: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refreshOnConflict = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: fhirKeys.consents(person.id) });
  };
  return (
    <Section id="satusehat-export" title={t('exports.satusehat.export')}>
      <Text size="sm" mb="sm">{inForce ? t('exports.satusehat.downloadHelp') : t('exports.satusehat.needsConsent')}</Text>
      <DownloadButton
        path={bundlePath(person.id)}
        fileName={`fhir-${person.sdpNumber}.json`}
        disabled={!inForce}
        onFailure={refreshOnConflict}
        className="no-print"
      >
        {t('exports.satusehat.download')}
      </DownloadButton>
    </Section>
  );
}
