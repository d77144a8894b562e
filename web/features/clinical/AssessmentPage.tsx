import './assessment.css';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import {
  Accordion, Alert, Anchor, Badge, Button, Grid, Group, List, NativeSelect, Paper, Stack, Text, Textarea, Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { FORMULIR_SECTIONS, FORMULIR_SOURCE, FORMULIR_TITLE, type FormulirData } from '../../../shared/instruments/index.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { formatDateTime, formatTimestampDate } from '../../app/format.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { addAddendum, clinicalKeys, fetchAssessment, signAssessment, type AssessmentRecord } from './api.ts';
import { AssessmentPanel } from './AssessmentPanel.tsx';
import { FormContext, setIn, type Path } from './formFields.tsx';
import { FormulirSection } from './FormulirSections.tsx';
import { formatTime, useLabel } from './labels.ts';
import { usePerson } from './person.tsx';
import { useAutosave, type SaveState } from './useAutosave.ts';

const ALL_SECTIONS = FORMULIR_SECTIONS.map((s) => s.key as string);

/** The assessment form (PMK 4/2020) of one person: a draft that saves itself, or a signed record with addenda. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const assessment = useQuery({ queryKey: clinicalKeys.assessment(id), queryFn: ({ signal }) => fetchAssessment(id, signal) });
  const person = usePerson(assessment.data?.wbpId ?? '');
  // A new key after a reload (conflict) or after signing starts the editor from the server's record.
  const [generation, setGeneration] = useState(0);

  const reload = async () => {
    await assessment.refetch();
    setGeneration((g) => g + 1);
  };

  if (assessment.isPending) return <Loading />;
  if (assessment.error) {
    if (assessment.error instanceof ApiError && assessment.error.status === 404) {
      return (
        <>
          <PageTitle title={t('clinical.assessment.notFound')} />
          <EmptyState title={t('clinical.assessment.notFound')} description={t('clinical.assessment.notFoundBody')} />
        </>
      );
    }
    return (
      <>
        <PageTitle title={t('clinical.assessment.title')} />
        <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
      </>
    );
  }
  const record = assessment.data;
  const w = person.data;

  return (
    <>
      <Anchor component={Link} to={`/wbp/${record.wbpId}/klinis`} size="sm" className="no-print">
        ← {t('clinical.backToPerson')}
      </Anchor>
      {record.followUp ? <FollowUpNotice record={record} followUp={record.followUp} /> : null}
      <AssessmentEditor
        key={`${record.id}:${generation}`}
        record={record}
        person={w}
        onReload={() => void reload()}
        onSigned={(signed) => {
          queryClient.setQueryData(clinicalKeys.assessment(signed.id), signed);
          void queryClient.invalidateQueries({ queryKey: clinicalKeys.assessments(signed.wbpId) });
          // A signed re-assessment is compared on the progress page and leaves the task list.
          invalidateCareRecord(queryClient, signed.wbpId, 'progress', 'tasks');
          setGeneration((g) => g + 1);
        }}
      />
      {record.status === 'signed' ? <Addenda record={record} facilityId={w?.facilityId} /> : null}
    </>
  );
}

function SaveStatus({ state, updatedAt, invalidCount, onRetry }: { state: SaveState; updatedAt: string; invalidCount: number; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  let text: string;
  let color: string | undefined;
  switch (state.kind) {
    case 'idle': text = t('clinical.save.savedAt', { time: formatTime(updatedAt, i18n.language) }); break;
    case 'pending': text = t('clinical.save.pending'); color = 'dimmed'; break;
    case 'saving': text = t('clinical.save.saving'); color = 'dimmed'; break;
    case 'saved': text = t('clinical.save.savedAt', { time: formatTime(state.at, i18n.language) }); break;
    case 'conflict': text = t('clinical.save.conflict'); color = 'red.8'; break;
    case 'error': text = t('clinical.save.failed', { message: state.error instanceof Error ? state.error.message : t('errors.unknown') }); color = 'red.8'; break;
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c={color} fw={500} role="status" aria-live="polite">{text}</Text>
      {state.kind === 'error' ? <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>{t('common.retry')}</Button> : null}
      {invalidCount > 0 ? <Text size="sm" c="red.8">{t('clinical.save.invalid', { count: invalidCount })}</Text> : null}
    </Group>
  );
}

function AssessmentEditor({ record, person, onReload, onSigned }: {
  record: AssessmentRecord; person: WbpDetail | undefined; onReload: () => void; onSigned: (r: AssessmentRecord) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const signed = record.status === 'signed';
  const readOnly = signed || !can('assessment.write', person?.facilityId);

  const onSaved = useCallback((saved: AssessmentRecord) => {
    queryClient.setQueryData(clinicalKeys.assessment(saved.id), saved);
  }, [queryClient]);
  const { draft, server, state, update, flush, currentVersion, currentServer, currentDraft } = useAutosave(record, !readOnly, onSaved);

  const [invalid, setInvalid] = useState<Record<string, true>>({});
  const markInvalid = useCallback((key: string, bad: boolean) => {
    setInvalid((prev) => {
      if (bad === !!prev[key]) return prev;
      if (bad) return { ...prev, [key]: true };
      return Object.fromEntries(Object.entries(prev).filter(([k]) => k !== key)) as Record<string, true>;
    });
  }, []);
  const invalidCount = Object.keys(invalid).length;

  const set = useCallback(
    (path: Path, value: unknown) => update((d) => ({ ...d, form: setIn(d.form, path, value) as FormulirData })),
    [update],
  );
  const ctx = useMemo(() => ({ set, readOnly, rate: record.exchangeRate, markInvalid }), [set, readOnly, record.exchangeRate, markInvalid]);

  const [open, setOpen] = useState<string[]>(() => (signed ? ALL_SECTIONS : ['administration']));
  const jump = (key: string) => {
    setOpen((o) => (o.includes(key) ? o : [...o, key]));
    setTimeout(() => {
      const control = document.getElementById(`formulir-control-${key}`);
      control?.scrollIntoView({ block: 'start' });
      control?.focus({ preventScroll: true });
    }, 0);
  };
  const print = () => {
    setOpen(ALL_SECTIONS);
    setTimeout(() => window.print(), 300);
  };

  // Signing: save what is waiting, check what the server will check, ask, then sign.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [signProblem, setSignProblem] = useState<string | null>(null);
  const clearFieldError = useCallback((field: string) => setFieldErrors((e) => (e[field] ? { ...e, [field]: '' } : e)), []);
  const focusField = (field: string) => document.getElementById(`f-${field}`)?.focus();

  const sign = useMutation({
    mutationFn: () => signAssessment(record.id, currentVersion()),
    onSuccess: (rec) => {
      setConfirming(false);
      notifications.show({ color: 'teal', message: t('clinical.assessment.signedNotice') });
      onSigned(rec);
    },
    onError: (err) => {
      setConfirming(false);
      if (err instanceof ApiError && err.fields.length > 0) {
        const found: Record<string, string> = {};
        for (const f of err.fields) found[f.field] ??= f.message.replace(/^[^:\n]{1,60}:\s+(?=\S)/, '');
        setFieldErrors(found);
        const first = Object.keys(found)[0];
        if (first) focusField(first);
      }
    },
  });

  const trySign = async () => {
    sign.reset();
    setSignProblem(null);
    if (invalidCount > 0) {
      setSignProblem(t('clinical.assessment.fixInvalidFirst', { count: invalidCount }));
      return;
    }
    setPreparing(true);
    const saved = await flush();
    setPreparing(false);
    if (!saved) {
      setSignProblem(t('clinical.assessment.saveBeforeSign'));
      return;
    }
    const s = currentServer();
    const d = currentDraft();
    const ruleClass = s.classification.ruleClass;
    const problems: Record<string, string> = {};
    if (!d.teamClass && !ruleClass) problems.teamClass = t('clinical.assessment.classNeeded');
    if (ruleClass && d.teamClass && d.teamClass !== ruleClass && !(d.overrideReason ?? '').trim()) {
      problems.overrideReason = t('clinical.assessment.overrideRequired');
    }
    setFieldErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      focusField(first);
      return;
    }
    setConfirming(true);
  };

  const finalClass = draft.teamClass ?? server.classification.ruleClass;
  const signError = sign.error && !(sign.error instanceof ApiError && sign.error.fields.length > 0 && sign.error.status === 400) ? sign.error : null;
  const signFieldsError = sign.error instanceof ApiError && sign.error.status === 400 && sign.error.fields.length > 0 ? sign.error : null;
  const name = person?.fullName ?? '';

  const signSlot = readOnly ? null : (
    <Stack gap="xs" className="no-print">
      <ErrorAlert error={signError} title={t('clinical.assessment.signFailed')} />
      {signFieldsError ? (
        <Alert color="red" role="alert" title={t('clinical.assessment.signFailed')}>
          <List size="sm">{signFieldsError.fields.map((f) => <List.Item key={f.field}>{f.message}</List.Item>)}</List>
        </Alert>
      ) : null}
      {signProblem ? <Alert color="red" role="alert">{signProblem}</Alert> : null}
      <Button onClick={() => void trySign()} loading={preparing || sign.isPending} disabled={state.kind === 'conflict'}>
        {t('clinical.assessment.sign')}
      </Button>
      <Text size="xs" c="dimmed">{t('clinical.assessment.signHelp')}</Text>
    </Stack>
  );

  return (
    <>
      <PageTitle
        title={name ? t('clinical.assessment.titleFor', { name }) : t('clinical.assessment.title')}
        subtitle={
          <>
            {person ? `${person.sdpNumber} · ${person.facilityName} · ` : ''}
            {label(FORMULIR_TITLE)}
          </>
        }
        actions={
          <>
            <Badge variant={signed ? 'filled' : 'outline'} color={signed ? 'teal.8' : 'gray.7'} tt="none" size="lg">
              {t(`clinical.status.${record.status}`)}
            </Badge>
            <Button variant="default" onClick={print}>{t('common.print')}</Button>
          </>
        }
      />
      <div className="print-only">
        <Text fw={700}>{label(FORMULIR_TITLE)}</Text>
        <Text size="xs">{label(FORMULIR_SOURCE)}</Text>
        {person ? <Text size="sm">{person.fullName} · {person.sdpNumber} · {person.facilityName}</Text> : null}
        <Text size="xs" mb="sm">{t('wbp.printedAt', { date: formatDateTime(new Date().toISOString()) })}</Text>
      </div>

      {state.kind === 'conflict' ? (
        <Alert color="yellow" role="alert" mb="md" title={t('clinical.assessment.conflictTitle')}>
          <Text size="sm" mb="sm">{t('clinical.assessment.conflictBody')}</Text>
          <Button size="xs" onClick={onReload}>{t('common.reload')}</Button>
        </Alert>
      ) : null}
      {signed ? (
        <Alert color="teal" mb="md" title={t('clinical.assessment.signedTitle')}>
          <Text size="sm">
            {t('clinical.assessment.signedBody', { name: record.signedBy ?? '—', at: formatDateTime(record.signedAt) })}
          </Text>
        </Alert>
      ) : readOnly ? (
        <Alert color="gray" mb="md">{t('clinical.assessment.readOnly')}</Alert>
      ) : null}

      <FormContext.Provider value={ctx}>
        <Grid gutter="md" className={`formulir-layout${readOnly ? ' formulir-readonly' : ''}`}>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            {!readOnly ? (
              <Paper withBorder p="xs" mb="sm" className="formulir-bar" shadow="xs">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <SaveStatus state={state} updatedAt={server.updatedAt} invalidCount={invalidCount} onRetry={() => void flush()} />
                  <NativeSelect
                    size="xs"
                    aria-label={t('clinical.assessment.jumpTo')}
                    value=""
                    onChange={(e) => { if (e.currentTarget.value) jump(e.currentTarget.value); }}
                    data={[
                      { value: '', label: t('clinical.assessment.jumpTo') },
                      ...FORMULIR_SECTIONS.map((s, i) => ({ value: s.key, label: `${i + 1}. ${label(s.title)}` })),
                    ]}
                  />
                </Group>
              </Paper>
            ) : null}
            <Paper withBorder p="sm" mb="sm" component="nav" aria-label={t('clinical.assessment.sectionIndex')} className="formulir-index">
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600}>{t('clinical.assessment.sectionIndex')}</Text>
                <Group gap={4}>
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpen(ALL_SECTIONS)}>{t('clinical.assessment.openAll')}</Button>
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpen([])}>{t('clinical.assessment.closeAll')}</Button>
                </Group>
              </Group>
              <ol style={{ margin: 0, paddingLeft: 20, columns: '14rem', columnGap: 16 }}>
                {FORMULIR_SECTIONS.map((s) => (
                  <li key={s.key}>
                    <Anchor component="button" type="button" size="sm" onClick={() => jump(s.key)}>
                      {label(s.title)}
                    </Anchor>
                  </li>
                ))}
              </ol>
            </Paper>
            <Accordion
              id="formulir"
              multiple
              value={open}
              onChange={setOpen}
              order={2}
              variant="separated"
              className="formulir-accordion"
            >
              {FORMULIR_SECTIONS.map((s, i) => (
                <Accordion.Item key={s.key} value={s.key}>
                  <Accordion.Control>
                    <Text fw={600} size="md">{i + 1}. {label(s.title)}</Text>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <FormulirSection sectionKey={s.key} data={draft.form[s.key] as Record<string, unknown> | null | undefined} person={person} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <AssessmentPanel
              draft={draft}
              server={server}
              readOnly={readOnly}
              update={update}
              fieldErrors={fieldErrors}
              onClearFieldError={clearFieldError}
              signSlot={signSlot}
            />
          </Grid.Col>
        </Grid>
      </FormContext.Provider>

      <ConfirmDialog
        opened={confirming}
        title={t('clinical.assessment.signTitle')}
        message={t('clinical.assessment.signConfirm', {
          name: name || t('clinical.assessment.thisPerson'),
          class: finalClass ? t(`clinical.class.${finalClass}`) : '—',
        })}
        confirmLabel={t('clinical.assessment.signYes')}
        busy={sign.isPending}
        onConfirm={() => sign.mutate()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}

/** A re-assessment says so: its point and programme, and once signed, where its comparison with the baseline is. */
function FollowUpNotice({ record, followUp }: { record: AssessmentRecord; followUp: NonNullable<AssessmentRecord['followUp']> }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" mt="sm" title={t('care.progress.assessmentBanner.title', { point: followUp.point, programme: followUp.programmeName })}>
      <Text size="sm">{t('care.progress.assessmentBanner.body')}</Text>
      {record.status === 'signed' ? (
        <Anchor component={Link} to={`/wbp/${record.wbpId}/kemajuan`} size="sm" className="no-print">
          {t('care.progress.assessmentBanner.compare')}
        </Anchor>
      ) : null}
    </Alert>
  );
}

/** After signing, a record changes only by addenda: dated notes that keep the signed text as it was. */
function Addenda({ record, facilityId }: { record: AssessmentRecord; facilityId: string | undefined }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => addAddendum(record.id, text.trim()),
    onSuccess: (rec) => {
      queryClient.setQueryData(clinicalKeys.assessment(rec.id), rec);
      setText('');
      notifications.show({ color: 'teal', message: t('clinical.addenda.added') });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) setError(err.fieldErrors().text ?? err.message);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length < 5) {
      setError(t('validation.tooShort', { min: 5 }));
      document.getElementById('addendum-text')?.focus();
      return;
    }
    setError(null);
    add.mutate();
  };
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="addenda-heading">
      <Title order={2} size="h4" id="addenda-heading" mb="sm">{t('clinical.addenda.title')}</Title>
      {record.addenda.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">{t('clinical.addenda.none')}</Text>
      ) : (
        <Stack gap="sm" mb="md">
          {record.addenda.map((a) => (
            <Paper key={a.id} withBorder p="sm" bg="gray.0">
              <Text size="xs" c="dimmed" mb={4}>
                {t('clinical.addenda.by', { name: a.createdBy ?? '—', at: formatDateTime(a.createdAt) })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
            </Paper>
          ))}
        </Stack>
      )}
      {can('assessment.write', facilityId) ? (
        <form onSubmit={submit} noValidate className="no-print">
          <FormErrorAlert error={add.error} />
          <Textarea
            id="addendum-text"
            label={t('clinical.addenda.text')}
            description={t('clinical.addenda.help')}
            value={text}
            onChange={(e) => { setText(e.currentTarget.value); if (error) setError(null); }}
            error={error}
            required
            maxLength={4000}
            autosize
            minRows={3}
            maxRows={10}
          />
          <Group mt="sm">
            <Button type="submit" loading={add.isPending}>{t('clinical.addenda.add')}</Button>
          </Group>
        </form>
      ) : null}
      <Text size="xs" c="dimmed" mt="sm">{t('clinical.addenda.signedOn', { date: formatTimestampDate(record.signedAt) })}</Text>
    </Paper>
  );
}
