import { Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AFTERCARE_OUTCOMES, FOLLOW_UP_URINE, closeBody, followUpBody } from '../../../shared/contracts/aftercare.ts';
import { useAuth } from '../../app/auth.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { todayIso } from '../../app/format.ts';
import { postRehabProgrammesPath } from '../../app/postRehab.ts';
import { orNull, validate } from '../../app/validation.ts';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import {
  acceptReferral, aftercareKeys, closeReferral, declineReferral, fetchInbox, fetchSent, recordFollowUp, type AftercareReferralRecord, type ReferralList,
} from './api.ts';
import { ReferralsTable, type ReceiverAction } from './ReferralsTable.tsx';

/**
 * Aftercare after release: the receiving organisation's inbox (accept or decline, follow-ups, closing
 * with an outcome) and the sending unit's referrals with their answers and flags.
 */
export function AftercarePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several, choose } = useChosenFacility('clinical.read');
  const receives = can('aftercare.receive');
  const sends = can('clinical.read') && facility !== null;
  const dialog = useDialog<{ action: Exclude<ReceiverAction, 'accept'>; referral: AftercareReferralRecord }>();
  const queryClient = useQueryClient();

  const inbox = useQuery({ queryKey: aftercareKeys.inbox, queryFn: ({ signal }) => fetchInbox(signal), enabled: receives });
  const sent = useQuery({ queryKey: aftercareKeys.sent(facility?.id ?? ''), queryFn: ({ signal }) => fetchSent(facility!.id, signal), enabled: sends });
  const accept = useMutation({
    mutationFn: (id: string) => acceptReferral(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: aftercareKeys.all });
      notifications.show({ color: 'teal', message: t('aftercare.referrals.accepted') });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  // A Bapas enrols its accepted, released clients with consent in force in its own post-rehabilitation programmes.
  const enrolPath = (r: AftercareReferralRecord) =>
    (r.released && r.consentInForce && can('postrehab.manage', r.toOrganizationId) ? postRehabProgrammesPath(r.toOrganizationId) : null);

  const onAction = (action: ReceiverAction, referral: AftercareReferralRecord, opener: HTMLElement) => {
    if (action === 'accept') accept.mutate(referral.id);
    else dialog.open({ action, referral }, opener);
  };

  return (
    <>
      <PageTitle
        title={t('aftercare.referrals.title')}
        subtitle={t('aftercare.referrals.subtitle')}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      <Stack>
        {receives ? (
          <Section id="aftercare-inbox" title={t('aftercare.referrals.inbox')}>
            <QueryView query={inbox} isEmpty={(d: ReferralList) => d.items.length === 0} empty={<Text size="sm" c="dimmed">{t('aftercare.referrals.inboxEmpty')}</Text>}>
              {(d: ReferralList) => <ReferralsTable referrals={d.items} side="receiver" onAction={onAction} enrolPath={enrolPath} />}
            </QueryView>
          </Section>
        ) : null}
        {sends && facility ? (
          <Section id="aftercare-sent" title={t('aftercare.referrals.sent')}>
            {several ? (
              <Group mb="sm" className="no-print">
                <FacilitySelect permission="clinical.read" id="aftercare-unit" label={t('aftercare.referrals.unit')} value={facility.id} onChoose={choose} />
              </Group>
            ) : null}
            <QueryView query={sent} isEmpty={(d: ReferralList) => d.items.length === 0} empty={<Text size="sm" c="dimmed">{t('aftercare.referrals.sentEmpty')}</Text>}>
              {(d: ReferralList) => <ReferralsTable referrals={d.items} side="sender" />}
            </QueryView>
          </Section>
        ) : null}
      </Stack>
      {dialog.subject?.action === 'decline' ? <DeclineDialog referral={dialog.subject.referral} onClose={dialog.close} /> : null}
      {dialog.subject?.action === 'follow_up' ? <FollowUpDialog referral={dialog.subject.referral} onClose={dialog.close} /> : null}
      {dialog.subject?.action === 'close' ? <CloseDialog referral={dialog.subject.referral} onClose={dialog.close} /> : null}
    </>
  );
}

/** After a receiver's save: every aftercare list is read again, and the save is announced. */
function useDone(message: string, onClose: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: aftercareKeys.all });
    notifications.show({ color: 'teal', message });
    onClose();
  };
}

function DeclineDialog({ referral, onClose }: { referral: AftercareReferralRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields<{ reason: string }>({ reason: '' }, 'decline', ['reason']);
  const save = useMutation({ mutationFn: () => declineReferral(referral.id, values.reason), onSuccess: useDone(t('aftercare.referrals.declined'), onClose), onError: showFailure });
  return (
    <FormDialog title={t('aftercare.referrals.declineTitle', { name: referral.fullName })} onClose={onClose} pending={save.isPending} error={save.error}
      onSubmit={() => (values.reason.trim() ? save.mutate() : show({ reason: t('validation.required') }))} submitLabel={t('aftercare.referrals.decline')} submitColor="red">
      <Textarea {...bind('reason')} label={t('aftercare.referrals.declineReason')} autosize minRows={2} maxLength={2000} required data-autofocus />
    </FormDialog>
  );
}

interface FollowUpValues { month: string; doneOn: string; contactMade: boolean; urine: string; note: string }

function FollowUpDialog({ referral, onClose }: { referral: AftercareReferralRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const open = referral.followUps.filter((f) => f.state !== 'done');
  const { values, set, show, showFailure, bind } = useFormFields<FollowUpValues>(
    { month: String(open[0]?.month ?? ''), doneOn: todayIso(), contactMade: true, urine: 'not_done', note: '' }, 'follow-up', ['month', 'doneOn', 'urine', 'note'],
  );
  const save = useMutation({ mutationFn: (body: Parameters<typeof recordFollowUp>[1]) => recordFollowUp(referral.id, body), onSuccess: useDone(t('aftercare.referrals.followUpSaved'), onClose), onError: showFailure });
  const submit = () => {
    const parsed = validate(followUpBody, { ...values, month: Number(values.month), note: orNull(values.note) });
    if (!parsed.ok) return show(parsed.errors);
    return save.mutate(parsed.data);
  };
  return (
    <FormDialog title={t('aftercare.referrals.followUpTitle', { name: referral.fullName })} onClose={onClose} pending={save.isPending} error={save.error} onSubmit={submit}>
      <NativeSelect {...bind('month')} label={t('aftercare.referrals.followUpMonth')} data={open.map((f) => ({ value: String(f.month), label: t('aftercare.referrals.month', { month: f.month }) }))} data-autofocus />
      <TextInput {...bind('doneOn')} type="date" label={t('aftercare.referrals.doneOn')} max={todayIso()} required />
      <Checkbox id="follow-up-contactMade" label={t('aftercare.referrals.contactMade')} checked={values.contactMade} onChange={(e) => set('contactMade', e.currentTarget.checked)} />
      <NativeSelect {...bind('urine')} label={t('aftercare.referrals.urine')} data={FOLLOW_UP_URINE.map((u) => ({ value: u, label: t(`aftercare.urine.${u}`) }))} />
      <Textarea {...bind('note')} label={t('aftercare.referrals.note')} autosize minRows={2} maxLength={2000} />
    </FormDialog>
  );
}

interface CloseValues { outcome: string; closedOn: string; note: string }

function CloseDialog({ referral, onClose }: { referral: AftercareReferralRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { values, show, showFailure, bind } = useFormFields<CloseValues>({ outcome: 'stable', closedOn: todayIso(), note: '' }, 'close', ['outcome', 'closedOn', 'note']);
  const save = useMutation({ mutationFn: (body: Parameters<typeof closeReferral>[1]) => closeReferral(referral.id, body), onSuccess: useDone(t('aftercare.referrals.closed'), onClose), onError: showFailure });
  const submit = () => {
    const parsed = validate(closeBody, { ...values, note: orNull(values.note) });
    if (!parsed.ok) return show(parsed.errors);
    return save.mutate(parsed.data);
  };
  return (
    <FormDialog title={t('aftercare.referrals.closeTitle', { name: referral.fullName })} onClose={onClose} pending={save.isPending} error={save.error} onSubmit={submit}>
      <NativeSelect {...bind('outcome')} label={t('aftercare.referrals.outcome')} data={AFTERCARE_OUTCOMES.map((o) => ({ value: o, label: t(`aftercare.outcome.${o}`) }))} data-autofocus />
      <TextInput {...bind('closedOn')} type="date" label={t('aftercare.referrals.closedOn')} max={todayIso()} required />
      <Textarea {...bind('note')} label={t('aftercare.referrals.note')} autosize minRows={2} maxLength={2000} />
    </FormDialog>
  );
}
