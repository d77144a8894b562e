import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import type { PtrmOverview } from '../../../shared/contracts/notes.ts';
import { transferWbpRequest, type TransferWbpRequest, type WbpDetail } from '../../../shared/contracts/wbp.ts';
import { api, ApiError } from '../../app/api.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { validate } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { organizationLabel, OrganizationSelect } from '../../components/OrganizationSelect.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { transferWbp, wbpKeys } from './api.ts';

/** The person's methadone (PTRM) records; the same cache entry as the PTRM page's. */
function fetchPtrmOverview(wbpId: string, signal?: AbortSignal): Promise<PtrmOverview> {
  return api<PtrmOverview>(`/api/wbp/${encodeURIComponent(wbpId)}/ptrm`, { signal });
}

/** A person on PTRM needs a continuity letter for the receiving unit: say so, with the way to issue it. */
function PtrmTransferNotice({ wbpId }: { wbpId: string }) {
  const { t } = useTranslation();
  const ptrm = useQuery({ queryKey: ['ptrm', wbpId], queryFn: ({ signal }) => fetchPtrmOverview(wbpId, signal) });
  if (!ptrm.data?.current) return null;
  return (
    <Alert color="yellow" role="alert" mb="md" title={t('care.notes.transferNotice.title')}>
      <Text size="sm" mb={4}>{t('care.notes.transferNotice.body')}</Text>
      <Anchor component={Link} to={`/wbp/${wbpId}/ptrm`} size="sm">{t('care.notes.transferNotice.link')}</Anchor>
    </Alert>
  );
}

interface TransferValues {
  toFacilityId: string | null;
  transferDate: string;
  reason: string;
}

/**
 * Moving a person to another facility: fill in, then confirm in words before anything is sent.
 * The dialog is mounted for one opening, so closing it discards what was typed.
 */
export function TransferModal({ wbp, opened, onClose }: { wbp: WbpDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useUser();
  const { can } = useAuth();
  const navigate = useNavigate();
  const orgs = useOrganizations();
  const { values, set, errors, show, bind } = useFormFields<TransferValues>(
    { toFacilityId: null, transferDate: todayIso(), reason: '' },
    'transfer',
    ['toFacilityId', 'transferDate', 'reason'],
  );
  const [pending, setPending] = useState<TransferWbpRequest | null>(null);

  const targetName = (id: string) => {
    const org = orgs.data?.find((o) => o.id === id);
    return org ? organizationLabel(org) : id;
  };

  const mutation = useMutation({
    mutationFn: (body: TransferWbpRequest) => transferWbp(wbp.id, body),
    onSuccess: (updated) => {
      notifications.show({ color: 'teal', message: t('wbp.transferDone', { name: updated.fullName, facility: updated.facilityName }) });
      onClose();
      if (user.facilities.some((f) => f.id === updated.facilityId)) {
        queryClient.setQueryData(wbpKeys.detail(wbp.id), updated);
        void queryClient.invalidateQueries({ queryKey: ['wbp', 'list'] });
      } else {
        // Moved out of this user's facilities: the record is no longer theirs to see.
        // (Its cached detail is left to go stale: removing it now would make the page still on screen fetch it again.)
        navigate('/wbp', { replace: true });
        void queryClient.invalidateQueries({ queryKey: ['wbp', 'list'], refetchType: 'none' });
      }
    },
    onError: (err) => {
      setPending(null);
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const review = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(transferWbpRequest, { ...values, toFacilityId: values.toFacilityId ?? '', version: wbp.version });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    setPending(parsed.data);
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'CONFLICT';

  return (
    <Modal opened={opened} onClose={onClose} title={t('wbp.transferTitle', { name: wbp.fullName })} size="lg">
      {conflict ? (
        <Alert color="yellow" role="alert" mb="md" title={t('wbp.conflictTitle')}>
          <Text size="sm" mb="sm">{t('wbp.conflictBody')}</Text>
          <Button size="xs" onClick={() => { void queryClient.invalidateQueries({ queryKey: wbpKeys.detail(wbp.id) }); onClose(); }}>
            {t('common.reload')}
          </Button>
        </Alert>
      ) : (
        <FormErrorAlert error={mutation.error} />
      )}
      {can('clinical.read') ? <PtrmTransferNotice wbpId={wbp.id} /> : null}
      {pending ? (
        <Stack>
          <Alert color="orange" role="alert" title={t('confirm.title')}>
            {t('wbp.transferConfirm', {
              name: wbp.fullName,
              from: wbp.facilityName,
              to: targetName(pending.toFacilityId),
              date: formatDate(pending.transferDate),
            })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} disabled={mutation.isPending}>
              {t('common.back')}
            </Button>
            <Button color="orange" onClick={() => mutation.mutate(pending)} loading={mutation.isPending} data-autofocus>
              {t('wbp.transferConfirmButton')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={review} noValidate>
          <Stack>
            <Text size="sm">{t('wbp.transferCurrent', { facility: wbp.facilityName })}</Text>
            <OrganizationSelect
              id="transfer-toFacilityId"
              label={t('wbp.transferTo')}
              include={(o) => CUSTODIAL_KINDS.includes(o.kind) && o.id !== wbp.facilityId}
              value={values.toFacilityId}
              onChange={(v) => set('toFacilityId', v)}
              error={errors.toFacilityId}
              required
            />
            <TextInput {...bind('transferDate')} type="date" label={t('wbp.transferDate')} required />
            <Textarea {...bind('reason')} label={t('wbp.transferReason')} autosize minRows={2} maxLength={500} required />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="submit">{t('wbp.transferReview')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
