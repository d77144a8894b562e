import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS } from '../../../shared/contracts/common.ts';
import {
  HANDOVER_REASONS, doseReportRequest, handoverRequest, hasOneDecimalAtMost, ptrmEndRequest, ptrmStartRequest, type HandoverReason,
} from '../../../shared/contracts/notes.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatNumber, todayIso } from '../../app/format.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { OrganizationSelect } from '../../components/OrganizationSelect.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import {
  endPtrm, issueHandover, reportDose, startPtrm, type DoseReportRequest, type HandoverRequest, type PtrmRecord, type PtrmStartBody,
} from './api.ts';

/** Asks before an action that cannot be taken back; the form behind it stays as typed. */
function ConfirmModal({ opened, title, children, confirmLabel, busy, onConfirm, onCancel }: {
  opened: boolean; title: string; children: ReactNode; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered>
      <Stack>
        <Alert color="orange" role="alert">{children}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>{t('common.cancel')}</Button>
          <Button onClick={onConfirm} loading={busy} data-autofocus>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const BARE = /^[^:\n]{1,60}:\s+(?=\S)/;

/** The server's field messages by input: a nested "dose.x" goes under the input of x. */
function fieldErrorsOf(err: ApiError): FieldErrors {
  const out = err.fieldErrors();
  for (const f of err.fields) {
    if (!f.field.startsWith('dose.')) continue;
    const bare = f.message.replace(BARE, '');
    out[f.field.slice('dose.'.length)] ??= bare.charAt(0).toUpperCase() + bare.slice(1);
  }
  return out;
}

/** A dose as typed ("72,5" or "72.5") as a number; undefined when empty, NaN when not a number. */
function doseOf(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (s === '') return undefined;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

interface DoseValues {
  doseMg: string;
  reportedOn: string;
  source: string;
}

/** Checks a dose as typed; the one-decimal rule gets its own words rather than a generic "invalid". */
function checkDose(t: (key: 'care.notes.ptrm.doseHelp' | 'validation.invalid') => string, v: DoseValues):
  { ok: true; data: DoseReportRequest } | { ok: false; errors: FieldErrors } {
  const doseMg = doseOf(v.doseMg);
  const parsed = validate(doseReportRequest, { doseMg, reportedOn: v.reportedOn, source: v.source });
  if (parsed.ok) return parsed;
  const errors = { ...parsed.errors };
  if (doseMg !== undefined && Number.isNaN(doseMg)) errors.doseMg = t('validation.invalid');
  else if (doseMg !== undefined && !hasOneDecimalAtMost(doseMg)) errors.doseMg = t('care.notes.ptrm.doseHelp');
  return { ok: false, errors };
}

/** After a save: the PTRM page and the person's timeline. */
function useRefresh(wbpId: string) {
  const queryClient = useQueryClient();
  return () => invalidateCareRecord(queryClient, wbpId, 'ptrm');
}

function DoseFields({ bind }: { bind: (key: keyof DoseValues) => { id: string; value: string; onChange: (e: { currentTarget: { value: string } }) => void; error: string | undefined } }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput {...bind('doseMg')} label={t('care.notes.ptrm.doseMg')} description={t('care.notes.ptrm.doseHelp')} inputMode="decimal" />
      <TextInput {...bind('reportedOn')} type="date" label={t('care.notes.ptrm.reportedOn')} max={todayIso()} />
      <TextInput {...bind('source')} label={t('care.notes.ptrm.source')} placeholder={t('care.notes.ptrm.sourcePlaceholder')} maxLength={200} />
    </SimpleGrid>
  );
}

interface StartValues extends DoseValues {
  clinicName: string;
  clinicOrganizationId: string | null;
  startedOn: string;
  note: string;
}

const START_ORDER = ['clinicName', 'clinicOrganizationId', 'startedOn', 'note', 'doseMg', 'reportedOn', 'source'] as const;

/** Recording that a person is on PTRM: the clinic, the start, and the dose the clinic reports, if known. */
export function StartPtrmForm({ wbpId }: { wbpId: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh(wbpId);
  const { values, set, errors, show, bind } = useFormFields<StartValues>(
    { clinicName: '', clinicOrganizationId: null, startedOn: todayIso(), note: '', doseMg: '', reportedOn: todayIso(), source: '' },
    'ptrm-start',
    START_ORDER,
  );
  const mutation = useMutation({
    mutationFn: (body: PtrmStartBody) => startPtrm(wbpId, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('care.notes.ptrm.started') });
      refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(fieldErrorsOf(err));
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const withDose = values.doseMg.trim() !== '' || values.source.trim() !== '';
    const dose = withDose ? checkDose(t, values) : null;
    const parsed = validate(ptrmStartRequest, {
      clinicName: values.clinicName, clinicOrganizationId: values.clinicOrganizationId, startedOn: values.startedOn, note: values.note.trim() || null, dose: null,
    });
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(dose && !dose.ok ? dose.errors : {}) };
    if (!parsed.ok || (dose && !dose.ok)) return show(errors);
    show({});
    mutation.mutate({ ...parsed.data, dose: dose?.ok ? dose.data : null });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ptrm-start-heading">
      <Text id="ptrm-start-heading" fw={600} mb="xs">{t('care.notes.ptrm.startTitle')}</Text>
      <FormErrorAlert error={mutation.error} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput {...bind('clinicName')} label={t('care.notes.ptrm.clinic')} maxLength={200} required />
          <OrganizationSelect
            id="ptrm-start-clinicOrganizationId"
            label={t('care.notes.ptrm.clinicOrganization')}
            include={(o) => PARTNER_KINDS.includes(o.kind)}
            value={values.clinicOrganizationId}
            onChange={(value, option) => {
              set('clinicOrganizationId', value);
              if (value && values.clinicName.trim() === '') set('clinicName', option.label.replace(/ \([^)]*\)$/, ''));
            }}
            error={errors.clinicOrganizationId}
            clearable
          />
          <TextInput {...bind('startedOn')} type="date" label={t('care.notes.ptrm.startedOn')} max={todayIso()} required />
          <TextInput {...bind('note')} label={t('care.notes.ptrm.note')} maxLength={2000} />
        </SimpleGrid>
        <Text size="sm" fw={600}>{t('care.notes.ptrm.firstDose')}</Text>
        <DoseFields bind={bind} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>{t('care.notes.ptrm.startSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A dose as the clinic reported it; Pulih never computes one. */
export function DoseForm({ record }: { record: PtrmRecord }) {
  const { t } = useTranslation();
  const refresh = useRefresh(record.wbpId);
  const { values, setValues, show, bind } = useFormFields<DoseValues>(
    { doseMg: '', reportedOn: todayIso(), source: '' },
    'ptrm-dose',
    ['doseMg', 'reportedOn', 'source'],
  );
  const mutation = useMutation({
    mutationFn: (body: DoseReportRequest) => reportDose(record.id, body),
    onSuccess: (_, body) => {
      notifications.show({ color: 'teal', message: t('care.notes.ptrm.doseSaved', { dose: formatNumber(body.doseMg, 1) }) });
      setValues({ doseMg: '', reportedOn: todayIso(), source: '' });
      refresh();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(fieldErrorsOf(err));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDose(t, values);
    if (!checked.ok) return show(checked.errors);
    show({});
    mutation.mutate(checked.data);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="ptrm-dose-heading">
      <Text id="ptrm-dose-heading" fw={600} mb="xs">{t('care.notes.ptrm.doseTitle')}</Text>
      <FormErrorAlert error={mutation.error} />
      <Stack gap="sm">
        <DoseFields bind={bind} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>{t('care.notes.ptrm.doseSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

interface HandoverValues {
  reason: HandoverReason;
  toName: string;
  issuedOn: string;
}

/** Issuing the continuity hand-over letter, after a confirmation; it is then downloaded from the list. */
export function HandoverForm({ record, defaultReason }: { record: PtrmRecord; defaultReason: HandoverReason }) {
  const { t } = useTranslation();
  const refresh = useRefresh(record.wbpId);
  const [pending, setPending] = useState<HandoverRequest | null>(null);
  const { values, setValues, show, bind } = useFormFields<HandoverValues>(
    { reason: defaultReason, toName: '', issuedOn: todayIso() },
    'ptrm-handover',
    ['reason', 'toName', 'issuedOn'],
  );
  const mutation = useMutation({
    mutationFn: (body: HandoverRequest) => issueHandover(record.id, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('care.notes.ptrm.handoverIssued') });
      setPending(null);
      setValues({ reason: defaultReason, toName: '', issuedOn: todayIso() });
      refresh();
    },
    onError: (err) => {
      setPending(null);
      if (err instanceof ApiError && err.fields.length > 0) show(fieldErrorsOf(err));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(handoverRequest, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    mutation.reset();
    setPending(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="ptrm-handover-heading">
      <Text id="ptrm-handover-heading" fw={600} mb="xs">{t('care.notes.ptrm.handoverFormTitle')}</Text>
      <FormErrorAlert error={mutation.error} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            {...bind('reason')}
            label={t('care.notes.ptrm.reason')}
            data={HANDOVER_REASONS.map((r) => ({ value: r, label: t(`care.notes.ptrm.reasons.${r}`) }))}
            required
          />
          <TextInput {...bind('toName')} label={t('care.notes.ptrm.toName')} placeholder={t('care.notes.ptrm.toNamePlaceholder')} maxLength={300} required />
          <TextInput {...bind('issuedOn')} type="date" label={t('care.notes.ptrm.issuedOn')} max={todayIso()} required />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>{t('care.notes.ptrm.handoverSubmit')}</Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={pending !== null}
        title={t('care.notes.ptrm.handoverFormTitle')}
        confirmLabel={t('care.notes.ptrm.handoverConfirmYes')}
        busy={mutation.isPending}
        onConfirm={() => pending && mutation.mutate(pending)}
        onCancel={() => setPending(null)}
      >
        {pending
          ? t('care.notes.ptrm.handoverConfirm', { reason: t(`care.notes.ptrm.reasons.${pending.reason}`), to: pending.toName, date: formatDate(pending.issuedOn) })
          : null}
      </ConfirmModal>
    </form>
  );
}

/** Ending the record (the person stopped PTRM or left): from the version on screen, after a confirmation. */
export function EndPtrmForm({ record }: { record: PtrmRecord }) {
  const { t } = useTranslation();
  const refresh = useRefresh(record.wbpId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { values, show, bind } = useFormFields<{ endedOn: string }>({ endedOn: todayIso() }, 'ptrm-end', ['endedOn']);
  const mutation = useMutation({
    mutationFn: (endedOn: string) => endPtrm(record.id, { endedOn, version: record.version }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('care.notes.ptrm.ended') });
      setConfirming(null);
      refresh();
    },
    onError: (err) => {
      setConfirming(null);
      if (err instanceof ApiError && err.fields.length > 0) show(fieldErrorsOf(err));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(ptrmEndRequest, { endedOn: values.endedOn, version: record.version });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    mutation.reset();
    setConfirming(parsed.data.endedOn);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="ptrm-end-heading">
      <Text id="ptrm-end-heading" fw={600} mb="xs">{t('care.notes.ptrm.endTitle')}</Text>
      <FormErrorAlert error={mutation.error} />
      <Group align="flex-end" gap="sm">
        <TextInput {...bind('endedOn')} type="date" label={t('care.notes.ptrm.endedOn')} max={todayIso()} required />
        <Button type="submit" color="red" variant="light" loading={mutation.isPending}>{t('care.notes.ptrm.endSubmit')}</Button>
      </Group>
      <ConfirmModal
        opened={confirming !== null}
        title={t('care.notes.ptrm.endTitle')}
        confirmLabel={t('care.notes.ptrm.endConfirmYes')}
        busy={mutation.isPending}
        onConfirm={() => confirming && mutation.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming ? t('care.notes.ptrm.endConfirm', { clinic: record.clinicName, date: formatDate(confirming) }) : null}
      </ConfirmModal>
    </form>
  );
}
