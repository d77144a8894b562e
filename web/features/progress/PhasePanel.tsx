import { Alert, Badge, Button, Group, NativeSelect, Paper, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { phaseChangeRequest, type PhaseChangeRequest, type PhaseDirection } from '../../../shared/contracts/progress.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { changePhase, type EnrolmentProgress } from './api.ts';

const SCHEDULE_COLOR = { behind: 'orange.8', on_time: 'teal.8', ahead: 'blue.8' } as const;

/** A phase's name in the enrolment's programme, or its code when the programme no longer has it. */
function phaseName(e: EnrolmentProgress, code: string | null): string {
  return e.phases.find((p) => p.code === code)?.name ?? code ?? '—';
}

/** The phases of a community enrolment: where the person is, where the calendar expects them, and every change with its reason. */
export function PhasePanel({ enrolment: e, personName, wbpId, facilityId }: {
  enrolment: EnrolmentProgress;
  personName: string;
  wbpId: string;
  /** The person's unit, where the change is made. */
  facilityId: string;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const dialog = useDialog<PhaseDirection>();
  const headingId = `phases-${e.enrolmentId}`;
  const at = e.phases.findIndex((p) => p.code === e.currentPhase);
  const nameOf = (code: string | null) => phaseName(e, code);
  const canChange = can('care.write', facilityId) && e.status === 'active';

  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId} mb="xs">{t('care.progress.phase.title')}</Title>
      <ol
        aria-label={t('care.progress.phase.listLabel', { programme: e.programmeName })}
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(13rem, 1fr))', gap: 8 }}
      >
        {e.phases.map((p, i) => {
          const current = p.code === e.currentPhase;
          const expected = p.code === e.expectedPhase;
          return (
            <li key={p.code} aria-current={current ? 'step' : undefined}>
              <Paper withBorder p="xs" h="100%" bg={current ? 'teal.0' : undefined} style={current ? { borderColor: 'var(--mantine-color-teal-7)', borderWidth: 2 } : undefined}>
                <Text fw={600} size="sm">{i + 1}. {p.name}</Text>
                <Text size="xs" c="dimmed">
                  {t('care.progress.enrolment.weeks', { count: p.weeks })}
                  {p.startsOn && p.endsOn ? ` · ${t('care.progress.phase.span', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}` : ''}
                </Text>
                <Group gap={4} mt={4}>
                  {current ? <Badge size="sm" color="teal.8" tt="none">{t('care.progress.phase.current')}</Badge> : null}
                  {expected ? <Badge size="sm" variant="outline" color="gray.7" tt="none">{t('care.progress.phase.expected')}</Badge> : null}
                </Group>
              </Paper>
            </li>
          );
        })}
      </ol>

      <Group justify="space-between" align="center" mt="sm" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text size="sm">
            {e.expectedPhase
              ? t('care.progress.phase.summary', { current: nameOf(e.currentPhase), expected: nameOf(e.expectedPhase) })
              : t('care.progress.phase.summaryNoSchedule', { current: nameOf(e.currentPhase) })}
          </Text>
          {e.schedule ? <Badge color={SCHEDULE_COLOR[e.schedule]} variant="light" tt="none">{t(`care.progress.phase.schedule.${e.schedule}`)}</Badge> : null}
        </Group>
        {canChange ? (
          <Group gap="xs" className="no-print">
            <Button size="sm" disabled={at === e.phases.length - 1} onClick={(ev) => dialog.open('promotion', ev.currentTarget)}>
              {t('care.progress.phase.promote')}
            </Button>
            <Button size="sm" variant="default" disabled={at === 0} onClick={(ev) => dialog.open('regression', ev.currentTarget)}>
              {t('care.progress.phase.regress')}
            </Button>
          </Group>
        ) : null}
      </Group>

      <Text fw={600} size="sm" mt="md" mb={4} id={`${headingId}-history`}>{t('care.progress.phase.historyTitle')}</Text>
      {e.phaseChanges.length === 0 ? (
        <Text size="sm" c="dimmed">{t('care.progress.phase.historyEmpty')}</Text>
      ) : (
        <DataTable
          minWidth={640}
          aria-label={t('care.progress.phase.historyLabel', { programme: e.programmeName })}
          columns={[t('care.progress.phase.date'), t('care.progress.phase.change'), t('care.progress.phase.direction'), t('care.progress.phase.reason'), t('care.progress.phase.by')]}
        >
          <Table.Tbody>
            {[...e.phaseChanges].reverse().map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDate(c.changedOn)}</Table.Td>
                <Table.Td>{t('care.progress.phase.fromTo', { from: nameOf(c.fromPhase), to: nameOf(c.toPhase) })}</Table.Td>
                <Table.Td>{t(`care.progress.phase.directions.${c.direction}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.reason}</Table.Td>
                <Table.Td>{c.changedBy ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}

      {dialog.subject ? (
        <PhaseChangeModal direction={dialog.subject} enrolment={e} personName={personName} wbpId={wbpId} onClose={dialog.close} />
      ) : null}
    </section>
  );
}

interface PhaseValues {
  toPhase: string;
  changedOn: string;
  reason: string;
}

/**
 * Promotion (to the next phase) or moving back (to an earlier one chosen here). The dialog says
 * what will happen before anything is saved; "Simpan" is the confirmation.
 */
function PhaseChangeModal({ direction, enrolment: e, personName, wbpId, onClose }: {
  direction: PhaseDirection; enrolment: EnrolmentProgress; personName: string; wbpId: string; onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const at = Math.max(0, e.phases.findIndex((p) => p.code === e.currentPhase));
  const next = e.phases[at + 1] ?? null;
  const earlier = e.phases.slice(0, at);
  const prefix = `phase-${e.enrolmentId}`;
  const { values, errors, show, showFailure, bind } = useFormFields<PhaseValues>(
    () => ({ toPhase: direction === 'promotion' ? (next?.code ?? '') : (earlier[earlier.length - 1]?.code ?? ''), changedOn: todayIso(), reason: '' }),
    prefix,
    ['toPhase', 'changedOn', 'reason'],
  );
  const nameOf = (code: string | null) => phaseName(e, code);

  const save = useMutation({
    mutationFn: (body: PhaseChangeRequest) => changePhase(e.enrolmentId, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('care.progress.phase.saved') });
      invalidateCareRecord(queryClient, wbpId, 'progress');
      onClose();
    },
    onError: showFailure,
  });

  const submit = () => {
    const parsed = validate(phaseChangeRequest, { direction, ...values });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    save.mutate(parsed.data);
  };

  const promotion = direction === 'promotion';
  return (
    <FormDialog
      title={t(promotion ? 'care.progress.phase.promoteTitle' : 'care.progress.phase.regressTitle', { name: personName })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      submitLabel={t('care.progress.phase.save')}
      submitColor={promotion ? undefined : 'orange'}
      size="lg"
    >
      <Alert color={promotion ? 'teal' : 'orange'}>
        {promotion
          ? t('care.progress.phase.promoteConfirm', { name: personName, from: nameOf(e.currentPhase), to: nameOf(next?.code ?? null) })
          : t('care.progress.phase.regressConfirm', { name: personName, from: nameOf(e.currentPhase) })}
      </Alert>
      {promotion ? null : (
        <NativeSelect
          {...bind('toPhase')}
          label={t('care.progress.phase.toPhase')}
          data={earlier.map((p) => ({ value: p.code, label: p.name }))}
          required
          data-autofocus
        />
      )}
      {promotion && errors.toPhase ? <Text size="sm" c="red.8" role="alert">{errors.toPhase}</Text> : null}
      <TextInput {...bind('changedOn')} type="date" label={t('care.progress.phase.changedOn')} max={todayIso()} min={e.startDate ?? undefined} required />
      <Textarea
        {...bind('reason')}
        label={t('care.progress.phase.reason')}
        description={t('care.progress.phase.reasonHelp')}
        autosize
        minRows={3}
        maxLength={2000}
        required
        data-autofocus={promotion || undefined}
      />
    </FormDialog>
  );
}
