import { Button, type ButtonProps } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { clinicalKeys, startAssessment } from './api.ts';

/** Creates a draft assessment (linked to the screening that led to it) and opens it. */
export function StartAssessmentButton({ wbpId, screeningId, 'aria-label': ariaLabel, ...buttonProps }: {
  wbpId: string; screeningId: string | null; 'aria-label'?: string;
} & ButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => startAssessment(wbpId, screeningId),
    onSuccess: (record) => {
      queryClient.setQueryData(clinicalKeys.assessment(record.id), record);
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.assessments(wbpId) });
      invalidateCareRecord(queryClient, wbpId);
      navigate(`/asesmen/${record.id}`);
    },
  });
  return (
    <>
      <Button {...buttonProps} aria-label={ariaLabel} loading={start.isPending} onClick={() => start.mutate()}>
        {t('clinical.startAssessment')}
      </Button>
      {start.error ? <ErrorAlert error={start.error} /> : null}
    </>
  );
}
