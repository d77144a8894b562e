import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CUSTODIAL_KINDS } from '../../../shared/contracts/common.ts';
import { transferWbpRequest, type TransferWbpRequest, type WbpDetail } from '../../../shared/contracts/wbp.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { transferWbp, wbpKeys } from './api.ts';

/** Moving a person to another facility: fill in, then confirm in words before anything is sent. */
export function TransferModal({ wbp, opened, onClose }: { wbp: WbpDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useUser();
  const navigate = useNavigate();
  const orgs = useOrganizations();
  const [toFacilityId, setToFacilityId] = useState<string | null>(null);
  const [transferDate, setTransferDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState<TransferWbpRequest | null>(null);

  const targets = (orgs.data ?? [])
    .filter((o) => CUSTODIAL_KINDS.includes(o.kind) && o.id !== wbp.facilityId)
    .map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }));
  const targetName = (id: string) => targets.find((o) => o.value === id)?.label ?? id;

  const mutation = useMutation({
    mutationFn: (body: TransferWbpRequest) => transferWbp(wbp.id, body),
    onSuccess: (updated) => {
      notifications.show({ color: 'teal', message: t('wbp.transferDone', { name: updated.fullName, facility: updated.facilityName }) });
      close();
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
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldErrors());
    },
  });

  function close() {
    setPending(null);
    setErrors({});
    setReason('');
    setToFacilityId(null);
    setTransferDate(todayIso());
    mutation.reset();
    onClose();
  }

  const review = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(transferWbpRequest, { toFacilityId: toFacilityId ?? '', transferDate, reason, version: wbp.version });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = ['toFacilityId', 'transferDate', 'reason'].find((k) => parsed.errors[k]);
      if (first) document.getElementById(`transfer-${first}`)?.focus();
      return;
    }
    setErrors({});
    setPending(parsed.data);
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'CONFLICT';

  return (
    <Modal opened={opened} onClose={close} title={t('wbp.transferTitle', { name: wbp.fullName })} size="lg">
      {conflict ? (
        <Alert color="yellow" role="alert" mb="md" title={t('wbp.conflictTitle')}>
          <Text size="sm" mb="sm">{t('wbp.conflictBody')}</Text>
          <Button size="xs" onClick={() => { void queryClient.invalidateQueries({ queryKey: wbpKeys.detail(wbp.id) }); close(); }}>
            {t('common.reload')}
          </Button>
        </Alert>
      ) : (
        <ErrorAlert error={mutation.error && !(mutation.error instanceof ApiError && mutation.error.fields.length > 0) ? mutation.error : null} />
      )}
      <ErrorAlert error={orgs.error} />
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
            <Select
              id="transfer-toFacilityId"
              label={t('wbp.transferTo')}
              placeholder={orgs.isPending ? t('common.loading') : t('common.choose')}
              data={targets}
              value={toFacilityId}
              onChange={setToFacilityId}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              error={errors.toFacilityId}
              required
            />
            <TextInput
              id="transfer-transferDate"
              type="date"
              label={t('wbp.transferDate')}
              value={transferDate}
              onChange={(e) => setTransferDate(e.currentTarget.value)}
              error={errors.transferDate}
              required
            />
            <Textarea
              id="transfer-reason"
              label={t('wbp.transferReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
              maxLength={500}
              required
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button type="submit">{t('wbp.transferReview')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
