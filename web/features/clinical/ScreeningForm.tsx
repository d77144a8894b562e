import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, List, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  EVER_ANSWERS, EVER_LABELS, FREQUENCIES, FREQUENCY_LABELS, QUESTIONS, SUBSTANCE_DEFINITIONS, SUBSTANCES,
  type EverAnswer, type Frequency, type QuestionId, type Substance,
} from '../../../shared/instruments/assist.ts';
import { ApiError } from '../../app/api.ts';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { todayIso } from '../../app/format.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { clinicalKeys, createScreening, type ScreeningRecord } from './api.ts';
import { useLabel } from './labels.ts';

type FrequencyQuestion = 'q2' | 'q3' | 'q4' | 'q5';
type EverQuestion = 'q6' | 'q7';
type PerSubstanceQuestion = FrequencyQuestion | EverQuestion;

interface Answers {
  q1: Record<Substance, boolean>;
  q2: Partial<Record<Substance, Frequency>>;
  q3: Partial<Record<Substance, Frequency>>;
  q4: Partial<Record<Substance, Frequency>>;
  q5: Partial<Record<Substance, Frequency>>;
  q6: Partial<Record<Substance, EverAnswer>>;
  q7: Partial<Record<Substance, EverAnswer>>;
  q8: EverAnswer | null;
}

const PER_SUBSTANCE: readonly PerSubstanceQuestion[] = ['q2', 'q3', 'q4', 'q5', 'q6', 'q7'];

function emptyAnswers(): Answers {
  return {
    q1: Object.fromEntries(SUBSTANCES.map((s) => [s, false])) as Record<Substance, boolean>,
    q2: {}, q3: {}, q4: {}, q5: {}, q6: {}, q7: {}, q8: null,
  };
}

/**
 * Whether a question is asked for a substance: the skip logic of shared/instruments/assist.ts
 * (checkSkipLogic). Q2, Q6 and Q7 for every substance ever used (Q1 yes); Q3–Q5 only where Q2 is
 * not "never"; Q5 never for tobacco. Q8 is asked once, always.
 */
function isAsked(a: Answers, q: PerSubstanceQuestion, s: Substance): boolean {
  if (!a.q1[s]) return false;
  if (q === 'q2' || q === 'q6' || q === 'q7') return true;
  if (q === 'q5' && s === 'tobacco') return false;
  const q2 = a.q2[s];
  return q2 !== undefined && q2 !== 'never';
}

/** Only the answers that apply: an answer kept from an unticked substance is never sent. */
function answersToSend(a: Answers): Record<string, unknown> {
  const out: Record<string, unknown> = { q1: { ...a.q1 } };
  for (const q of PER_SUBSTANCE) {
    const byQuestion: Record<string, string> = {};
    for (const s of SUBSTANCES) {
      const v = a[q][s];
      if (v !== undefined && isAsked(a, q, s)) byQuestion[s] = v;
    }
    if (Object.keys(byQuestion).length > 0) out[q] = byQuestion;
  }
  if (a.q8) out.q8 = a.q8;
  return out;
}

/** Keys like "q3.alcohol" (and "q8") of the questions asked but not answered, in form order. */
function unanswered(a: Answers): string[] {
  const out: string[] = [];
  for (const q of PER_SUBSTANCE) for (const s of SUBSTANCES) if (isAsked(a, q, s) && a[q][s] === undefined) out.push(`${q}.${s}`);
  if (!a.q8) out.push('q8');
  return out;
}

const groupId = (formId: string, key: string) => `${formId}-${key.replace('.', '-')}`;

/** Pressing 1–n inside a radio group picks the n-th answer, for fast entry. */
function pickByDigit(options: readonly string[], pick: (value: string) => void) {
  return (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'radio') return;
    const n = Number(e.key);
    if (!Number.isInteger(n) || n < 1 || n > options.length) return;
    e.preventDefault();
    pick(options[n - 1]!);
    e.currentTarget.querySelectorAll<HTMLInputElement>('input[type="radio"]')[n - 1]?.focus();
  };
}

interface ScreeningFormProps {
  wbpId: string;
  /** A unique prefix for element ids (the bulk session shows one form at a time, but keeps it stable). */
  formId?: string;
  onSaved: (record: ScreeningRecord) => void;
  /** Buttons beside the save button, e.g. "Lewati" in a screening session. */
  secondaryActions?: ReactNode;
}

export function ScreeningForm({ wbpId, formId = 'assist', onSaved, secondaryActions }: ScreeningFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(emptyAnswers);
  const [screenedOn, setScreenedOn] = useState(todayIso);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [otherProblems, setOtherProblems] = useState<string[]>([]);

  const question = (id: QuestionId) => QUESTIONS.find((q) => q.id === id)!;
  const substanceLabel = (s: Substance) => label(SUBSTANCE_DEFINITIONS[s].label);

  const clearError = (key: string) => {
    if (errors[key]) setErrors((e) => ({ ...e, [key]: '' }));
  };
  const setQ1 = (s: Substance, checked: boolean) => setAnswers((a) => ({ ...a, q1: { ...a.q1, [s]: checked } }));
  const setAnswer = (q: PerSubstanceQuestion, s: Substance, value: string) => {
    setAnswers((a) => ({ ...a, [q]: { ...a[q], [s]: value } }));
    clearError(`${q}.${s}`);
  };

  const mutation = useMutation({
    mutationFn: () => createScreening(wbpId, { answers: answersToSend(answers), screenedOn }),
    onSuccess: (record) => {
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.worklistAll });
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.screenings(wbpId) });
      invalidateCareRecord(queryClient, wbpId);
      onSaved(record);
    },
    onError: (err) => {
      if (!(err instanceof ApiError) || err.fields.length === 0) return;
      const found: Record<string, string> = {};
      const rest: string[] = [];
      for (const f of err.fields) {
        const key = f.field.replace(/^answers\./, '');
        const message = f.message.replace(/^[^:\n]{1,60}:\s+(?=\S)/, '');
        if (key === 'q8' || key === 'screenedOn' || /^q[1-7]\.[a-z]+$/.test(key)) found[key] ??= message;
        else rest.push(f.message);
      }
      setErrors(found);
      setOtherProblems(rest);
      focusFirst(Object.keys(found));
    },
  });

  function focusFirst(keys: string[]) {
    const first = keys[0];
    if (!first) return;
    const el = document.getElementById(first === 'screenedOn' ? `${formId}-screenedOn` : groupId(formId, first));
    const target = el?.querySelector<HTMLInputElement>('input:checked') ?? el?.querySelector<HTMLInputElement>('input') ?? el;
    target?.focus();
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = unanswered(answers);
    const found: Record<string, string> = {};
    for (const key of missing) found[key] = t('clinical.screening.answerRequired');
    if (!screenedOn) found.screenedOn = t('validation.required');
    else if (screenedOn > todayIso()) found.screenedOn = t('clinical.screening.dateInFuture');
    setErrors(found);
    setOtherProblems([]);
    if (Object.keys(found).length > 0) {
      focusFirst([...missing, ...(found.screenedOn ? ['screenedOn'] : [])]);
      return;
    }
    mutation.mutate();
  };

  const used = SUBSTANCES.filter((s) => answers.q1[s]);
  const invalidCount = Object.values(errors).filter(Boolean).length;

  const perSubstanceBlock = (q: PerSubstanceQuestion) => {
    const asked = SUBSTANCES.filter((s) => isAsked(answers, q, s));
    if (asked.length === 0) return null;
    const frequency = q === 'q2' || q === 'q3' || q === 'q4' || q === 'q5';
    const options: readonly string[] = frequency ? FREQUENCIES : EVER_ANSWERS;
    const optionLabel = (v: string) => label(frequency ? FREQUENCY_LABELS[v as Frequency] : EVER_LABELS[v as EverAnswer]);
    const def = question(q);
    return (
      <Paper withBorder p="md" key={q} component="section" aria-labelledby={`${formId}-${q}-title`}>
        <Title order={3} size="h5" id={`${formId}-${q}-title`}>
          {q.toUpperCase()} — {label(def.text)}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('clinical.screening.askedFor', { who: label(def.askedFor) })}
        </Text>
        <Stack gap="sm">
          {asked.map((s) => {
            const key = `${q}.${s}`;
            return (
              <div key={key} id={groupId(formId, key)}>
                <Radio.Group
                  name={`${formId}-${key}`}
                  label={
                    <>
                      <span className="visually-hidden">{q.toUpperCase()} — </span>
                      {substanceLabel(s)}
                    </>
                  }
                  value={answers[q][s] ?? ''}
                  onChange={(v) => setAnswer(q, s, v)}
                  error={errors[key] || undefined}
                  onKeyDown={pickByDigit(options, (v) => setAnswer(q, s, v))}
                >
                  <Group gap="md" mt={4} wrap="wrap">
                    {options.map((v) => (
                      <Radio key={v} value={v} label={optionLabel(v)} />
                    ))}
                  </Group>
                </Radio.Group>
              </div>
            );
          })}
        </Stack>
      </Paper>
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('clinical.screening.formLabel')}>
      <Stack gap="md">
        {invalidCount > 0 ? (
          <Alert color="red" role="alert">
            {t('clinical.screening.unanswered', { count: invalidCount })}
          </Alert>
        ) : null}
        {otherProblems.length > 0 ? (
          <Alert color="red" role="alert" title={t('errors.title')}>
            <List size="sm">{otherProblems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List>
          </Alert>
        ) : null}
        <FormErrorAlert error={mutation.error} />
        <Text size="sm" c="dimmed">{t('clinical.screening.keyboardHint')}</Text>

        <Fieldset
          legend={<Text span fw={600}>Q1 — {label(question('q1').text)}</Text>}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
            {SUBSTANCES.map((s) => (
              <Checkbox
                key={s}
                id={`${formId}-q1-${s}`}
                label={substanceLabel(s)}
                checked={answers.q1[s]}
                onChange={(e) => setQ1(s, e.currentTarget.checked)}
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="sm" aria-live="polite">
            {used.length === 0 ? t('clinical.screening.noneUsed') : t('clinical.screening.usedCount', { count: used.length })}
          </Text>
        </Fieldset>

        {PER_SUBSTANCE.map(perSubstanceBlock)}

        <Paper withBorder p="md" id={groupId(formId, 'q8')}>
          <Radio.Group
            name={`${formId}-q8`}
            label={`Q8 — ${label(question('q8').text)}`}
            value={answers.q8 ?? ''}
            onChange={(v) => {
              setAnswers((a) => ({ ...a, q8: v as EverAnswer }));
              clearError('q8');
            }}
            onKeyDown={pickByDigit(EVER_ANSWERS, (v) => {
              setAnswers((a) => ({ ...a, q8: v as EverAnswer }));
              clearError('q8');
            })}
            error={errors.q8 || undefined}
          >
            <Group gap="md" mt={4} wrap="wrap">
              {EVER_ANSWERS.map((v) => (
                <Radio key={v} value={v} label={label(EVER_LABELS[v])} />
              ))}
            </Group>
          </Radio.Group>
        </Paper>

        <Group align="flex-end" justify="space-between" wrap="wrap" gap="sm">
          <TextInput
            id={`${formId}-screenedOn`}
            type="date"
            label={t('clinical.screening.screenedOn')}
            value={screenedOn}
            max={todayIso()}
            onChange={(e) => {
              setScreenedOn(e.currentTarget.value);
              clearError('screenedOn');
            }}
            error={errors.screenedOn || undefined}
            required
            w={200}
          />
          <Group gap="sm">
            {secondaryActions}
            <Button type="submit" loading={mutation.isPending}>
              {t('clinical.screening.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
