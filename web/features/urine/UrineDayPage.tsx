import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SELECTION_MAX, createSelectionBody, ratesQuery, type CreateSelectionBody } from '../../../shared/contracts/urine.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { useChosenFacility } from '../../app/facility.ts';
import { formatClock, formatDate, formatDateTime, formatNumber, todayIso } from '../../app/format.ts';
import { numberOrNull, validate } from '../../app/validation.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import {
  drawSelection, fetchDay, fetchProgrammes, fetchRates, urineKeys, type StepName, type UnitUrineRates, type UrineDay, type UrineSelection,
  type UrineTest,
} from './api.ts';
import { RetestButton } from './RetestButton.tsx';
import { StepDialog } from './StepDialog.tsx';
import { StepButtons, TestState, rateText } from './TestParts.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (v: string | null): v is string => v !== null && ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/**
 * A unit's urine tests of one day: draw people at random (seeded and reproducible), print the
 * list for the custody officers, and take each test through its chain of custody.
 */
export function UrineDayPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { facility, several, search, setParam, choose } = useChosenFacility('urine.manage');
  const dateParam = search.get('date');
  const date = isIsoDate(dateParam) ? dateParam : todayIso();
  const facilityId = facility?.id ?? '';
  const day = useQuery({ queryKey: urineKeys.day(facilityId, date), queryFn: ({ signal }) => fetchDay(facilityId, date, signal), enabled: facility !== null });
  const dialog = useDialog<{ test: UrineTest; step: StepName }>();
  const [printId, setPrintId] = useState<string | null>(null);

  if (!facility) {
    return (
      <>
        <PageTitle title={t('care.urine.day.title')} />
        <EmptyState title={t('care.urine.day.noFacilityTitle')} description={t('care.urine.day.noFacilityHelp')} />
      </>
    );
  }

  const data = day.data;
  const printed = data ? (data.selections.find((s) => s.id === printId) ?? data.selections[data.selections.length - 1] ?? null) : null;
  const openStep = (test: UrineTest) => (step: StepName, from: HTMLElement) => dialog.open({ test, step }, from);

  return (
    <>
      <div className="no-print">
        <PageTitle title={t('care.urine.day.title')} subtitle={t('care.urine.day.subtitle', { unit: data?.facilityName ?? facility.name, date: formatDate(date) })} />
        <Paper withBorder p="sm" mb="md">
          <Group align="flex-end" gap="sm" wrap="wrap">
            {several ? <FacilitySelect permission="urine.manage" label={t('care.urine.day.unit')} value={facility.id} onChoose={choose} miw={240} /> : null}
            <TextInput
              type="date"
              label={t('care.urine.day.date')}
              value={date}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (isIsoDate(v)) setParam('date', v);
              }}
            />
            <Group gap="xs" role="group" aria-label={t('care.urine.day.dayNav')}>
              <Button variant="default" onClick={() => setParam('date', addDays(date, -1))}>{t('care.urine.day.previousDay')}</Button>
              <Button variant="default" onClick={() => setParam('date', todayIso())} disabled={date === todayIso()}>{t('care.urine.day.today')}</Button>
              <Button variant="default" onClick={() => setParam('date', addDays(date, 1))}>{t('care.urine.day.nextDay')}</Button>
            </Group>
          </Group>
        </Paper>
        <Stack gap="md">
          <DrawForm key={`${facilityId}-${date}`} facilityId={facilityId} unitName={data?.facilityName ?? facility.name} date={date} />
          <QueryView query={day} isEmpty={() => false}>
            {(d) => (
              <>
                {d.selections.length === 0 ? (
                  <EmptyState title={t('care.urine.list.emptyTitle')} description={t('care.urine.list.emptyHelp')} />
                ) : (
                  d.selections.map((s) => (
                    <SelectionView
                      key={s.id}
                      selection={s}
                      onPrint={() => {
                        // The printed list must be this selection's before the browser takes the page.
                        flushSync(() => setPrintId(s.id));
                        window.print();
                      }}
                      onStep={openStep}
                    />
                  ))
                )}
                {d.otherTests.length > 0 ? <OtherTests tests={d.otherTests} onStep={openStep} /> : null}
              </>
            )}
          </QueryView>
          {can('clinical.read', facilityId) ? <RatesSection key={`${facilityId}-${date}`} facilityId={facilityId} date={date} /> : null}
        </Stack>
      </div>
      {data && printed ? <PrintedList day={data} selection={printed} /> : null}
      {dialog.subject && data ? (
        <StepDialog test={dialog.subject.test} step={dialog.subject.step} observers={data.observers} onClose={dialog.close} />
      ) : null}
    </>
  );
}

interface DrawValues {
  count: string;
  /** Empty: every programme of the unit with active participants. */
  programmeIds: string[];
}

/** The draw, after a confirmation that says where, for which day, how many and from which programmes. */
function DrawForm({ facilityId, unitName, date }: { facilityId: string; unitName: string; date: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const programmes = useQuery({ queryKey: urineKeys.programmes(facilityId), queryFn: ({ signal }) => fetchProgrammes(facilityId, signal) });
  const { values, set, show, showFailure, bind, errors } = useFormFields<DrawValues>({ count: '', programmeIds: [] }, 'draw', ['count', 'programmeIds']);
  const draw = useConfirmedSave({
    save: (body: CreateSelectionBody) => drawSelection(facilityId, body),
    onSaved: (selection) => {
      void queryClient.invalidateQueries({ queryKey: urineKeys.all });
      for (const wbpId of new Set(selection.tests.map((x) => x.wbpId))) invalidateCareRecord(queryClient, wbpId);
      notifications.show({
        color: 'teal',
        message: t('care.urine.draw.done', { count: selection.tests.length, candidates: formatNumber(selection.candidateCount), seed: selection.seed }),
      });
    },
    onFailed: showFailure,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(createSelectionBody, {
      date, count: numberOrNull(values.count) ?? undefined, ...(values.programmeIds.length > 0 ? { programmeIds: values.programmeIds } : {}),
    });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    draw.ask(parsed.data);
  };

  const active = (programmes.data ?? []).filter((p) => p.active);
  const chosenNames = (ids: readonly string[]) => ids.map((id) => (programmes.data ?? []).find((p) => p.id === id)?.name ?? id).join(', ');
  const asked = draw.pending;
  return (
    <Section id="urine-draw" title={t('care.urine.draw.title')}>
      <Text size="sm" c="dimmed" mb="sm">{t('care.urine.draw.help')}</Text>
      <FormErrorAlert error={draw.mutation.error} />
      <form onSubmit={submit} noValidate aria-labelledby="urine-draw">
        <Stack gap="sm">
          <TextInput
            {...bind('count')}
            type="number"
            inputMode="numeric"
            min={1}
            max={SELECTION_MAX}
            label={t('care.urine.draw.count')}
            description={t('care.urine.draw.countHelp')}
            required
            maw={320}
          />
          <Checkbox.Group
            label={t('care.urine.draw.programmes')}
            description={t('care.urine.draw.programmesHelp')}
            value={values.programmeIds}
            onChange={(v) => set('programmeIds', v)}
            error={errors.programmeIds}
          >
            <Group gap="md" mt={4}>
              {active.length === 0 && !programmes.isPending ? <Text size="sm" c="dimmed">{t('care.urine.draw.noProgrammes')}</Text> : null}
              {/* The first choice carries the field's id, so a message about the programmes takes the focus there. */}
              {active.map((p, i) => <Checkbox key={p.id} id={i === 0 ? 'draw-programmeIds' : undefined} value={p.id} label={p.name} />)}
            </Group>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={draw.mutation.isPending}>{t('care.urine.draw.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        {...draw.confirm}
        title={t('care.urine.draw.confirmTitle')}
        message={asked ? t('care.urine.draw.confirm', {
          number: asked.count,
          unit: unitName,
          date: formatDate(asked.date),
          programmes: asked.programmeIds && asked.programmeIds.length > 0
            ? t('care.urine.draw.confirmProgrammes', { list: chosenNames(asked.programmeIds) })
            : t('care.urine.draw.confirmAll'),
        }) : ''}
        confirmLabel={t('care.urine.draw.confirmYes')}
      />
    </Section>
  );
}

function SelectionView({ selection, onPrint, onStep }: {
  selection: UrineSelection;
  onPrint: () => void;
  onStep: (test: UrineTest) => (step: StepName, from: HTMLElement) => void;
}) {
  const { t } = useTranslation();
  const time = formatClock(selection.createdAt);
  const headingId = `urine-selection-${selection.id}`;
  return (
    <Section
      id={headingId}
      title={t('care.urine.selection.title', { time })}
      actions={<Button variant="default" onClick={onPrint}>{t('care.urine.selection.print')}</Button>}
    >
      <Stack gap={4} mb="sm">
        <Text size="sm">
          {t('care.urine.selection.summary', {
            count: selection.tests.length, candidates: formatNumber(selection.candidateCount), requested: selection.requested, name: selection.selectedBy,
          })}
        </Text>
        <Text size="sm">
          {t('care.urine.selection.seed')}: <Text span ff="monospace" fw={700}>{selection.seed}</Text>
          {' · '}
          {t('care.urine.selection.programmes')}: {selection.programmes.length === 0 ? t('care.urine.selection.allProgrammes') : selection.programmes.map((p) => p.name).join(', ')}
        </Text>
        <Group gap="xs">
          <Badge color={selection.reproduced ? 'teal.8' : 'red.8'} variant="filled" tt="none">
            {selection.reproduced ? t('care.urine.selection.reproduced') : t('care.urine.selection.notReproduced')}
          </Badge>
          <Text size="xs" c="dimmed">
            {selection.reproduced
              ? t('care.urine.selection.reproducedHelp', { candidates: formatNumber(selection.candidateCount) })
              : t('care.urine.selection.notReproducedHelp')}
          </Text>
        </Group>
      </Stack>
      <TestsTable tests={selection.tests} labelledBy={headingId} onStep={onStep} />
    </Section>
  );
}

function OtherTests({ tests, onStep }: { tests: UrineTest[]; onStep: (test: UrineTest) => (step: StepName, from: HTMLElement) => void }) {
  const { t } = useTranslation();
  return (
    <Section id="urine-others" title={t('care.urine.list.othersTitle')}>
      <TestsTable tests={tests} labelledBy="urine-others" onStep={onStep} withReason />
    </Section>
  );
}

function TestsTable({ tests, labelledBy, onStep, withReason = false }: {
  tests: UrineTest[];
  labelledBy: string;
  onStep: (test: UrineTest) => (step: StepName, from: HTMLElement) => void;
  withReason?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={760}
      aria-labelledby={labelledBy}
      striped
      columns={[
        t('care.urine.list.number'), t('care.urine.list.name'), t('care.urine.list.sdpNumber'), t('care.urine.list.block'), t('care.urine.list.room'),
        withReason ? t('care.urine.list.reason') : null, t('care.urine.list.status'), { label: t('care.urine.list.actions'), hidden: true },
      ]}
    >
      <Table.Tbody>
        {tests.map((test, i) => (
          <Table.Tr key={test.id}>
            <Table.Td>{i + 1}</Table.Td>
            <Table.Th scope="row" fw={500}>
              <Anchor component={Link} to={`/wbp/${test.wbpId}/urin`} size="sm">{test.fullName}</Anchor>
            </Table.Th>
            <Table.Td><Text span size="sm" ff="monospace">{test.sdpNumber}</Text></Table.Td>
            <Table.Td>{test.block ?? '—'}</Table.Td>
            <Table.Td>{test.room ?? '—'}</Table.Td>
            {withReason ? <Table.Td>{t(`care.urine.reason.${test.reason}`)}</Table.Td> : null}
            <Table.Td><TestState test={test} /></Table.Td>
            <Table.Td>
              <Group gap={6}>
                <StepButtons test={test} onStep={onStep(test)} />
                {test.canRetest ? <RetestButton test={test} subject={test.fullName} /> : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

/** The page as printed: the selection's list for the officers who bring people to the clinic. Names and places only, never a result. */
function PrintedList({ day, selection }: { day: UrineDay; selection: UrineSelection }) {
  const { t } = useTranslation();
  return (
    <div className="print-only">
      <Title order={1} size="h3">{t('care.urine.selection.printTitle')}</Title>
      <Text size="sm" mb="sm">
        {t('care.urine.selection.printHeading', { unit: day.facilityName, date: formatDate(day.date), seed: selection.seed })}
      </Text>
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <caption className="visually-hidden">{t('care.urine.list.caption', { time: formatClock(selection.createdAt) })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('care.urine.list.number')}</Table.Th>
            <Table.Th scope="col">{t('care.urine.list.name')}</Table.Th>
            <Table.Th scope="col">{t('care.urine.list.sdpNumber')}</Table.Th>
            <Table.Th scope="col">{t('care.urine.list.block')}</Table.Th>
            <Table.Th scope="col">{t('care.urine.list.room')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {selection.tests.map((test, i) => (
            <Table.Tr key={test.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{test.fullName}</Table.Td>
              <Table.Td>{test.sdpNumber}</Table.Td>
              <Table.Td>{test.block ?? '—'}</Table.Td>
              <Table.Td>{test.room ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" mt="md">{t('care.urine.selection.printedAt', { date: formatDateTime(new Date().toISOString()) })}</Text>
    </div>
  );
}

/** The unit's rates for a period (by default the 30 days up to the chosen date), per programme and in total. */
function RatesSection({ facilityId, date }: { facilityId: string; date: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(addDays(date, -29));
  const [to, setTo] = useState(date);
  // The period is checked by the API's own rule, so each date says what is wrong with it.
  const period = validate(ratesQuery, { from, to });
  const errors = period.ok ? {} : period.errors;
  const rates = useQuery({
    queryKey: urineKeys.rates(facilityId, from, to),
    queryFn: ({ signal }) => fetchRates(facilityId, from, to, signal),
    enabled: period.ok,
  });
  return (
    <Section id="urine-rates" title={t('care.urine.rates.title')}>
      <Group align="flex-end" gap="sm" mb="sm" className="no-print">
        <TextInput type="date" label={t('care.urine.rates.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} />
        <TextInput type="date" label={t('care.urine.rates.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">{t('care.urine.rates.help')}</Text>
      {period.ok ? (
        <QueryView query={rates} isEmpty={(r) => r.total.tested + r.total.refused === 0} empty={<Text size="sm" c="dimmed">{t('care.urine.rates.empty')}</Text>}>
          {(r) => <RatesTable rates={r} />}
        </QueryView>
      ) : null}
    </Section>
  );
}

function RatesTable({ rates }: { rates: UnitUrineRates }) {
  const { t } = useTranslation();
  const row = (label: string, r: UnitUrineRates['total'], strong = false) => (
    <Table.Tr key={label}>
      <Table.Th scope="row" fw={strong ? 700 : 500}>{label}</Table.Th>
      <Table.Td ta="right">{formatNumber(r.tested)}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.resulted)}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.positive)}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.invalid)}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.refused)}</Table.Td>
      <Table.Td ta="right" fw={strong ? 700 : undefined}>{rateText(r.positiveRate)}</Table.Td>
    </Table.Tr>
  );
  return (
    <>
      <DataTable
        minWidth={640}
        aria-label={t('care.urine.rates.caption', { from: formatDate(rates.from), to: formatDate(rates.to) })}
        columns={[
          t('care.urine.rates.programme'),
          { label: t('care.urine.rates.tested'), align: 'right' },
          { label: t('care.urine.rates.resulted'), align: 'right' },
          { label: t('care.urine.rates.positive'), align: 'right' },
          { label: t('care.urine.rates.invalid'), align: 'right' },
          { label: t('care.urine.rates.refused'), align: 'right' },
          { label: t('care.urine.rates.positiveRate'), align: 'right' },
        ]}
      >
        <Table.Tbody>
          {rates.programmes.map((p) => row(p.programmeName, p))}
          {row(t('care.urine.rates.total'), rates.total, true)}
        </Table.Tbody>
      </DataTable>
    </>
  );
}
