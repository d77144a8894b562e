import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PLANNED_URINE_REASONS, createTestBody, type CreateTestBody } from '../../../shared/contracts/urine.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { stepsFrom } from '../../../shared/domain/urine.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDate, todayIso, withSubject } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { fetchPersonTests, planTest, urineKeys, type PersonUrineTests } from './api.ts';
import { RetestButton } from './RetestButton.tsx';
import { ChainOfCustody, RatesFigures, ResultsSummary, TestState } from './TestParts.tsx';

/** A person's urine tests with their chain of custody and results, the person's rates, and tests planned by hand. */
export function PersonUrinePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const tests = useQuery({ queryKey: urineKeys.person(id), queryFn: ({ signal }) => fetchPersonTests(id, signal), enabled: !!id });
  const planning = useDialog<true>();

  return (
    <CarePage wbpId={id} tab="urine">
      {(w) => (
        <>
          <QueryView query={tests} isEmpty={() => false}>
            {(data) => (
              <Stack gap="md">
                <Section id="urine-person-rates" title={t('care.urine.rates.personTitle')}>
                  <RatesFigures rates={data.rates} />
                  <Text size="xs" c="dimmed" mt="xs">{t('care.urine.rates.help')}</Text>
                </Section>
                <Section
                  id="urine-person-tests"
                  title={t('care.urine.person.tests')}
                  actions={can('urine.manage', w.facilityId) ? (
                    <Button className="no-print" onClick={(e) => planning.open(true, e.currentTarget)}>{t('care.urine.person.plan')}</Button>
                  ) : null}
                >
                  {data.items.length === 0 ? (
                    <Text size="sm" c="dimmed">{t('care.urine.person.empty')}</Text>
                  ) : (
                    <TestsTable person={w} data={data} canManage={can('urine.manage', w.facilityId)} />
                  )}
                </Section>
              </Stack>
            )}
          </QueryView>
          {planning.subject && tests.data ? <PlanDialog person={w} enrolments={tests.data.enrolments} onClose={planning.close} /> : null}
        </>
      )}
    </CarePage>
  );
}

function TestsTable({ person, data, canManage }: { person: WbpDetail; data: PersonUrineTests; canManage: boolean }) {
  const { t } = useTranslation();
  const planned = new Map(data.items.map((x) => [x.id, x.plannedOn]));
  return (
    <DataTable
      minWidth={900}
      aria-label={t('care.urine.person.caption', { name: person.fullName })}
      striped
      columns={[
        t('care.urine.person.plannedOn'), t('care.urine.person.reason'), t('care.urine.person.status'), t('care.urine.person.result'),
        t('care.urine.person.chain'), { label: t('care.urine.person.actions'), hidden: true, className: 'no-print' },
      ]}
    >
      <Table.Tbody>
        {data.items.map((test) => {
          // Names the row's buttons among the others: the test's reason and date.
          const subject = `${t(`care.urine.reason.${test.reason}`)}, ${formatDate(test.plannedOn)}`;
          return (
            <Table.Tr key={test.id}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>{formatDate(test.plannedOn)}</Table.Th>
              <Table.Td>
                <Text size="sm">{t(`care.urine.reason.${test.reason}`)}</Text>
                {test.programmeName ? <Text size="xs" c="dimmed">{test.programmeName}</Text> : null}
              </Table.Td>
              <Table.Td><TestState test={test} /></Table.Td>
              <Table.Td><ResultsSummary test={test} /></Table.Td>
              <Table.Td><ChainOfCustody test={test} retestOfDate={test.retestOf ? planned.get(test.retestOf) ?? null : null} /></Table.Td>
              <Table.Td className="no-print">
                <Group gap={6}>
                  {canManage && test.canRetest ? <RetestButton test={test} subject={subject} /> : null}
                  {/* A test with steps still to take is taken further on its day's list. */}
                  {canManage && stepsFrom(test.status).length > 0 ? (
                    <Anchor
                      component={Link}
                      to={`/urin?upt=${encodeURIComponent(test.facilityId)}&date=${test.plannedOn}`}
                      size="sm"
                      aria-label={withSubject(t('care.urine.person.openDay'), subject)}
                    >
                      {t('care.urine.person.openDay')}
                    </Anchor>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </DataTable>
  );
}

interface PlanValues {
  reason: string;
  plannedOn: string;
  enrolmentId: string;
}

/** A test planned by hand: at entry, as routine, at exit, or on suspicion. */
function PlanDialog({ person, enrolments, onClose }: { person: WbpDetail; enrolments: PersonUrineTests['enrolments']; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const running = enrolments.find((e) => e.status === 'active');
  const { values, show, showFailure, bind } = useFormFields<PlanValues>(
    { reason: 'routine', plannedOn: todayIso(), enrolmentId: running?.id ?? '' },
    'plan',
    ['reason', 'plannedOn', 'enrolmentId'],
  );
  const plan = useMutation({
    mutationFn: (body: CreateTestBody) => planTest(person.id, body),
    onSuccess: (test) => {
      void queryClient.invalidateQueries({ queryKey: urineKeys.all });
      invalidateCareRecord(queryClient, test.wbpId);
      notifications.show({ color: 'teal', message: t('care.urine.plan.done', { date: formatDate(test.plannedOn) }) });
      onClose();
    },
    onError: showFailure,
  });
  const submit = () => {
    const parsed = validate(createTestBody, {
      reason: values.reason, plannedOn: values.plannedOn, ...(values.enrolmentId ? { enrolmentId: values.enrolmentId } : {}),
    });
    if (!parsed.ok) return show(parsed.errors);
    plan.mutate(parsed.data);
  };
  return (
    <FormDialog
      title={t('care.urine.plan.title', { name: person.fullName })}
      onClose={onClose}
      onSubmit={submit}
      pending={plan.isPending}
      error={plan.error}
      submitLabel={t('care.urine.plan.save')}
    >
      <NativeSelect
        {...bind('reason')}
        label={t('care.urine.plan.reason')}
        data={PLANNED_URINE_REASONS.map((r) => ({ value: r, label: t(`care.urine.reason.${r}`) }))}
        required
        data-autofocus
      />
      <TextInput {...bind('plannedOn')} type="date" label={t('care.urine.plan.plannedOn')} required />
      <NativeSelect
        {...bind('enrolmentId')}
        label={t('care.urine.plan.enrolment')}
        data={[
          { value: '', label: t('care.urine.plan.noEnrolment') },
          ...enrolments.map((e) => ({ value: e.id, label: e.startDate ? `${e.programmeName} (${formatDate(e.startDate)})` : e.programmeName })),
        ]}
      />
    </FormDialog>
  );
}
