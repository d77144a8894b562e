import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, withSubject } from '../../app/format.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { requestRetest, urineKeys, type UrineTest } from './api.ts';

/**
 * Asks for a confirmatory retest of a result, after a confirmation: it plans a new test that
 * someone has to collect. `subject` names the test among its neighbours (the person, or the date).
 */
export function RetestButton({ test, subject }: { test: UrineTest; subject: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retest = useMutation({
    mutationFn: () => requestRetest(test.id),
    onSuccess: (planned) => {
      void queryClient.invalidateQueries({ queryKey: urineKeys.all });
      invalidateCareRecord(queryClient, test.wbpId);
      notifications.show({ color: 'teal', message: t('care.urine.person.retestDone', { date: formatDate(planned.plannedOn) }) });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  return (
    <ConfirmButton
      size="compact-sm"
      variant="light"
      color="orange"
      className="no-print"
      loading={retest.isPending}
      aria-label={withSubject(t('care.urine.person.retest'), subject)}
      title={t('care.urine.person.retestTitle')}
      message={t('care.urine.person.retestConfirm', { name: test.fullName, date: formatDate(test.plannedOn) })}
      confirmLabel={t('care.urine.person.retestYes')}
      danger={false}
      onConfirm={() => retest.mutateAsync()}
    >
      {t('care.urine.person.retest')}
    </ConfirmButton>
  );
}
