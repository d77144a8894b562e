import type { FormEvent } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS } from '../../../shared/contracts/common.ts';
import {
  HANDOVER_REASONS, doseReportRequest, handoverRequest, ptrmEndRequest, ptrmStartRequest, type HandoverReason,
} from '../../../shared/contracts/notes.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatNumber, todayIso } from '../../app/format.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { OrganizationSelect } from '../../components/OrganizationSelect.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import {
  endPtrm, issueHandover, reportDose, startPtrm, type DoseReportRequest, type HandoverRequest, type PtrmRecord, type PtrmStartBody,
} from './api.ts';

/**
 * After a failed start: the server's messages by input. The first dose's fields stand in the form
 * itself, so a message for "dose.x" goes under the input of x.
 */
function showStartFailure(show: (found: FieldErrors) => void) {
  return (err: Error) => {
    if (!(err instanceof ApiError) || err.fields.length === 0) return;
    const found = err.fieldErrors();
    for (const [path, message] of Object.entries(err.messagesByPath())) {
      if (path.startsWith('dose.')) found[path.slice('dose.'.length)] ??= message;
    }
    show(found);
  };
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

/** Checks a dose as typed; a dose that is not a number is "invalid", not "not a whole number" (it may have a decimal). */
function checkDose(t: (key: 'validation.invalid') => string, v: DoseValues):
  { ok: true; data: DoseReportRequest } | { ok: false; errors: FieldErrors } {
  const doseMg = doseOf(v.doseMg);
  const parsed = validate(doseReportRequest, { doseMg, reportedOn: v.reportedOn, source: v.source });
  if (parsed.ok || doseMg === undefined || !Number.isNaN(doseMg)) return parsed;
  return { ok: false, errors: { ...parsed.errors, doseMg: t('validation.invalid') } };
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
  const organizations = useOrganizations();
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
    onError: showStartFailure(show),
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
            onChange={(value) => {
              set('clinicOrganizationId', value);
              const chosen = organizations.data?.find((o) => o.id === value);
              if (chosen && values.clinicName.trim() === '') set('clinicName', chosen.name);
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
  const { values, setValues, show, showFailure, bind } = useFormFields<DoseValues>(
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
    onError: showFailure,
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
  const { values, setValues, show, showFailure, bind } = useFormFields<HandoverValues>(
    { reason: defaultReason, toName: '', issuedOn: todayIso() },
    'ptrm-handover',
    ['reason', 'toName', 'issuedOn'],
  );
  const { mutation, pending, ask, confirm } = useConfirmedSave({
    save: (body: HandoverRequest) => issueHandover(record.id, body),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('care.notes.ptrm.handoverIssued') });
      setValues({ reason: defaultReason, toName: '', issuedOn: todayIso() });
      refresh();
    },
    onFailed: showFailure,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(handoverRequest, values);
    if (!parsed.ok) return show(parsed.errors);
    show({});
    ask(parsed.data);
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
      <ConfirmDialog
        {...confirm}
        title={t('care.notes.ptrm.handoverFormTitle')}
        message={pending
          ? t('care.notes.ptrm.handoverConfirm', { reason: t(`care.notes.ptrm.reasons.${pending.reason}`), to: pending.toName, date: formatDate(pending.issuedOn) })
          : null}
        confirmLabel={t('care.notes.ptrm.handoverConfirmYes')}
      />
    </form>
  );
}

/** Ending the record (the person stopped PTRM or left): from the version on screen, after a confirmation. */
export function EndPtrmForm({ record }: { record: PtrmRecord }) {
  const { t } = useTranslation();
  const refresh = useRefresh(record.wbpId);
  const { values, show, showFailure, bind } = useFormFields<{ endedOn: string }>({ endedOn: todayIso() }, 'ptrm-end', ['endedOn']);
  const { mutation, pending, ask, confirm } = useConfirmedSave({
    save: (endedOn: string) => endPtrm(record.id, { endedOn, version: record.version }),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('care.notes.ptrm.ended') });
      refresh();
    },
    onFailed: showFailure,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(ptrmEndRequest, { endedOn: values.endedOn, version: record.version });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    ask(parsed.data.endedOn);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="ptrm-end-heading">
      <Text id="ptrm-end-heading" fw={600} mb="xs">{t('care.notes.ptrm.endTitle')}</Text>
      <FormErrorAlert error={mutation.error} />
      <Group align="flex-end" gap="sm">
        <TextInput {...bind('endedOn')} type="date" label={t('care.notes.ptrm.endedOn')} max={todayIso()} required />
        <Button type="submit" color="red" variant="light" loading={mutation.isPending}>{t('care.notes.ptrm.endSubmit')}</Button>
      </Group>
      <ConfirmDialog
        {...confirm}
        title={t('care.notes.ptrm.endTitle')}
        message={pending ? t('care.notes.ptrm.endConfirm', { clinic: record.clinicName, date: formatDate(pending) }) : null}
        confirmLabel={t('care.notes.ptrm.endConfirmYes')}
        color="red"
      />
    </form>
  );
}
