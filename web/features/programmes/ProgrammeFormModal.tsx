import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert, Box, Button, Checkbox, Fieldset, Group, List, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title,
  type TextInputProps,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  PROGRAMME_KINDS, programmeBody, SESSION_MODES, type ProgrammeBody, type ProgrammeRecord,
} from '../../../shared/contracts/programmes.ts';
import { DEFAULT_PROGRAMMES } from '../../../shared/domain/programmes.ts';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { i18n } from '../../app/i18n.ts';
import { issueMessage, numberOrNull, orNull } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { createProgramme, fetchProgramme, programmeKeys, updateProgramme } from './api.ts';
import { codeFromName, frequencyText, groupSizeText, minutesText, weeksText } from './labels.ts';

type SessionMode = (typeof SESSION_MODES)[number];
type ListName = 'phases' | 'sessionTypes';

interface PhaseRow {
  key: string;
  code: string;
  name: string;
  weeks: string;
  /** The code follows the name until the user types a code of their own. */
  codeAuto: boolean;
}

interface SessionRow {
  key: string;
  code: string;
  name: string;
  mode: SessionMode;
  perWeek: string;
  everyWeeks: string;
  durationMinutes: string;
  minGroup: string;
  maxGroup: string;
  codeAuto: boolean;
}

interface FormState {
  kind: string;
  name: string;
  description: string;
  durationWeeks: string;
  capacity: string;
  active: boolean;
  phases: PhaseRow[];
  sessionTypes: SessionRow[];
}

/** Messages by full path ("sessionTypes.2.maxGroup"), and those that have no input on screen. */
interface Errors {
  byField: Record<string, string>;
  unplaced: string[];
}
const NO_ERRORS: Errors = { byField: {}, unplaced: [] };

const TOP_FIELDS = ['kind', 'name', 'description', 'durationWeeks', 'capacity', 'active', 'phases', 'sessionTypes'];
const PHASE_FIELDS = ['code', 'name', 'weeks'];
const SESSION_FIELDS = ['code', 'name', 'mode', 'perWeek', 'everyWeeks', 'durationMinutes', 'minGroup', 'maxGroup'];

/** Help under the input rather than between label and input, so that the inputs of a row line up. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

let rowSeq = 0;
const nextKey = () => `r${(rowSeq += 1)}`;
const str = (n: number | null) => (n === null ? '' : String(n));

function phaseRows(phases: ProgrammeBody['phases']): PhaseRow[] {
  return phases.map((p) => ({ key: nextKey(), code: p.code, name: p.name, weeks: str(p.weeks), codeAuto: false }));
}

function sessionRows(types: ProgrammeBody['sessionTypes']): SessionRow[] {
  return types.map((s) => ({
    key: nextKey(), code: s.code, name: s.name, mode: s.mode, perWeek: str(s.perWeek), everyWeeks: str(s.everyWeeks),
    durationMinutes: str(s.durationMinutes), minGroup: str(s.minGroup), maxGroup: str(s.maxGroup), codeAuto: false,
  }));
}

function stateOf(p: ProgrammeRecord | null): FormState {
  if (!p) {
    return { kind: '', name: '', description: '', durationWeeks: '', capacity: '', active: true, phases: [], sessionTypes: [] };
  }
  return {
    kind: p.kind, name: p.name, description: p.description ?? '', durationWeeks: str(p.durationWeeks), capacity: str(p.capacity),
    active: p.active, phases: phaseRows(p.phases), sessionTypes: sessionRows(p.sessionTypes),
  };
}

function blankPhase(): PhaseRow {
  return { key: nextKey(), code: '', name: '', weeks: '', codeAuto: true };
}

function blankSession(): SessionRow {
  return {
    key: nextKey(), code: '', name: '', mode: 'individual', perWeek: '1', everyWeeks: '1', durationMinutes: '60', minGroup: '', maxGroup: '',
    codeAuto: true,
  };
}

/** Where one list of rows sits in the form, so that adding, changing and removing a row is written once. */
interface RowList<R extends { key: string }> {
  name: ListName;
  get: (s: FormState) => R[];
  set: (s: FormState, rows: R[]) => FormState;
  blank: () => R;
  /** The id of a row's first input, which takes focus when the row is added. */
  firstInput: (key: string) => string;
  max: number;
}

const PHASES: RowList<PhaseRow> = {
  name: 'phases',
  get: (s) => s.phases,
  set: (s, phases) => ({ ...s, phases }),
  blank: blankPhase,
  firstInput: (key) => `phase-${key}-name`,
  max: 10,
};

const SESSIONS: RowList<SessionRow> = {
  name: 'sessionTypes',
  get: (s) => s.sessionTypes,
  set: (s, sessionTypes) => ({ ...s, sessionTypes }),
  blank: blankSession,
  firstInput: (key) => `session-${key}-name`,
  max: 30,
};

/** The "add" button of a list, where focus goes when a row of it is removed. */
const addButtonId = (list: ListName) => `programme-add-${list}`;

/** A row's new name, and the inputs whose messages it makes stale; the code follows the name until the user types one of their own. */
function renamed(row: { codeAuto: boolean }, name: string): { patch: { name: string; code?: string }; clears: string[] } {
  return row.codeAuto ? { patch: { name, code: codeFromName(name) }, clears: ['name', 'code'] } : { patch: { name }, clears: ['name'] };
}

/** The form as the schema's input; numbers typed as text become numbers, null when empty, NaN when not a number. */
function inputOf(s: FormState) {
  return {
    kind: s.kind,
    name: s.name,
    description: orNull(s.description),
    durationWeeks: numberOrNull(s.durationWeeks),
    capacity: numberOrNull(s.capacity),
    active: s.active,
    phases: s.phases.map((p) => ({ code: p.code.trim(), name: p.name, weeks: numberOrNull(p.weeks) })),
    sessionTypes: s.sessionTypes.map((t) => ({
      code: t.code.trim(),
      name: t.name,
      mode: t.mode,
      perWeek: numberOrNull(t.perWeek),
      everyWeeks: numberOrNull(t.everyWeeks),
      durationMinutes: numberOrNull(t.durationMinutes),
      minGroup: t.mode === 'group' ? numberOrNull(t.minGroup) : null,
      maxGroup: t.mode === 'group' ? numberOrNull(t.maxGroup) : null,
    })),
  };
}

/** What decides whether the form has changes: the values, not the row keys. */
function snapshot(s: FormState): string {
  return JSON.stringify(inputOf(s));
}

/** Whether a message for this path has an input (or a list heading) on screen. */
function placeable(path: string, s: FormState): boolean {
  if (TOP_FIELDS.includes(path)) return true;
  const [list, idx, field, ...rest] = path.split('.');
  if (rest.length > 0 || idx === undefined || field === undefined || !/^\d+$/.test(idx)) return false;
  const i = Number(idx);
  if (list === 'phases') return i < s.phases.length && PHASE_FIELDS.includes(field);
  if (list !== 'sessionTypes') return false;
  const row = s.sessionTypes[i];
  return !!row && SESSION_FIELDS.includes(field) && (row.mode === 'group' || (field !== 'minGroup' && field !== 'maxGroup'));
}

/** The nearest path with a place on screen: "sessionTypes.2" → "sessionTypes"; null for "body". */
function placeOf(path: string, s: FormState): string | null {
  let parts = path.replace(/^body(\.|$)/, '').split('.').filter(Boolean);
  while (parts.length > 0) {
    const key = parts.join('.');
    if (placeable(key, s)) return key;
    parts = parts.slice(0, -1);
  }
  return null;
}

function collect(s: FormState, messages: { path: string; message: string }[]): Errors {
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { path, message } of messages) {
    const key = placeOf(path, s);
    if (key) byField[key] ??= message;
    else if (!unplaced.includes(message)) unplaced.push(message);
  }
  return { byField, unplaced };
}

/** Checks the form with the shared contract; the messages follow the inputs they are about. */
function clientErrors(s: FormState): { ok: true; body: ProgrammeBody } | { ok: false; errors: Errors } {
  const input = inputOf(s);
  const parsed = programmeBody.safeParse(input);
  if (parsed.success) return { ok: true, body: parsed.data };
  const messages: { path: string; message: string }[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const message = issueMessage(issue, input);
    if (issue.message === 'programme.groupSizeRequired' && typeof issue.path[1] === 'number') {
      // A group needs both sizes: point at whichever is empty.
      const i = issue.path[1];
      const row = input.sessionTypes[i];
      if (row?.minGroup === null) messages.push({ path: `sessionTypes.${i}.minGroup`, message });
      if (row?.maxGroup === null) messages.push({ path: `sessionTypes.${i}.maxGroup`, message });
      continue;
    }
    if (issue.message === 'programme.duplicateSessionCode') {
      const seen = new Set<string>();
      input.sessionTypes.forEach((t, i) => {
        if (seen.has(t.code)) messages.push({ path: `sessionTypes.${i}.code`, message });
        seen.add(t.code);
      });
    }
    messages.push({ path, message });
  }
  return { ok: false, errors: collect(s, messages) };
}

function serverErrors(err: ApiError, s: FormState): Errors {
  return collect(
    s,
    err.fields.map((f) => {
      // The server starts a message with the field's label; the label is already above the input.
      const bare = f.message.replace(/^[^:\n]{1,60}:\s+(?=\S)/, '');
      return { path: f.field, message: bare.charAt(0).toUpperCase() + bare.slice(1) };
    }),
  );
}

/** Drops the messages of a removed row and moves those of the rows below it up by one. */
function withoutRow(errors: Errors, list: ListName, index: number): Errors {
  const byField: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors.byField)) {
    const m = /^(phases|sessionTypes)\.(\d+)\.(.+)$/.exec(key);
    if (m && m[1] === list) {
      const i = Number(m[2]);
      if (i !== index) byField[i > index ? `${list}.${i - 1}.${m[3]}` : key] = message;
    } else if (key !== list) {
      byField[key] = message;
    }
  }
  return { ...errors, byField };
}

/** Create a programme in a unit, or edit one: every field of the catalogue entry, phases and session types included. */
export function ProgrammeFormModal({
  facility,
  programme,
  onClose,
  onSaved,
}: {
  facility: { id: string; name: string };
  /** Null to create a new programme. */
  programme: ProgrammeRecord | null;
  onClose: () => void;
  onSaved?: (saved: ProgrammeRecord) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [current, setCurrent] = useState(programme);
  const [state, setState] = useState(() => stateOf(programme));
  const [baseline, setBaseline] = useState(() => snapshot(stateOf(programme)));
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  /** Where focus goes after the next render: an element id, or the first field with a problem. */
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const el =
      target === ':first-error'
        ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-anchor]')
        : document.getElementById(target);
    el?.focus();
  });

  const dirty = snapshot(state) !== baseline;
  const fieldError = (key: string) => errors.byField[key] || undefined;
  const clear = (...keys: string[]) => {
    setErrors((e) => {
      if (!keys.some((k) => e.byField[k])) return e;
      return { ...e, byField: Object.fromEntries(Object.entries(e.byField).filter(([k]) => !keys.includes(k))) };
    });
  };
  const focusSoon = (id: string) => {
    pendingFocus.current = id;
  };

  const save = useMutation({
    mutationFn: (body: ProgrammeBody) =>
      current ? updateProgramme(current.id, { ...body, version: current.version }) : createProgramme(facility.id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(programmeKeys.one(saved.id), saved);
      notifications.show({
        color: 'teal',
        message: current ? t('programmes.form.saved', { name: saved.name }) : t('programmes.form.created', { name: saved.name }),
      });
      onSaved?.(saved);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        focusSoon('programme-reload');
      } else if (err instanceof ApiError && err.fields.length > 0) {
        setErrors(serverErrors(err, state));
        focusSoon(':first-error');
      }
    },
  });

  const reload = useMutation({
    mutationFn: () => fetchProgramme(current!.id),
    onSuccess: (fresh) => {
      const next = stateOf(fresh);
      setCurrent(fresh);
      setState(next);
      setBaseline(snapshot(next));
      setErrors(NO_ERRORS);
      save.reset();
      void queryClient.invalidateQueries({ queryKey: programmeKeys.catalogue(fresh.facilityId) });
      notifications.show({ color: 'teal', message: t('programmes.form.reloaded') });
      focusSoon('programme-name');
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setConfirmingClose(false);
    const checked = clientErrors(state);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusSoon(':first-error');
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate(checked.body);
  };

  const requestClose = () => {
    if (dirty && !save.isPending) {
      setConfirmingClose(true);
      focusSoon('programme-keep-editing');
      return;
    }
    onClose();
  };

  // --- field updates -------------------------------------------------------------------------------------------

  const set = (patch: Partial<FormState>, ...clearKeys: string[]) => {
    setState((s) => ({ ...s, ...patch }));
    clear(...clearKeys);
  };

  const setRow = <R extends { key: string }>(list: RowList<R>, i: number, patch: Partial<R>, ...clearKeys: string[]) => {
    setState((s) => list.set(s, list.get(s).map((r, j) => (j === i ? { ...r, ...patch } : r))));
    clear(...clearKeys.map((k) => `${list.name}.${i}.${k}`));
  };

  const addRow = <R extends { key: string }>(list: RowList<R>) => {
    const row = list.blank();
    setState((s) => list.set(s, [...list.get(s), row]));
    clear(list.name);
    focusSoon(list.firstInput(row.key));
  };

  const removeRow = <R extends { key: string }>(list: RowList<R>, i: number) => {
    setState((s) => list.set(s, list.get(s).filter((_, j) => j !== i)));
    setErrors((e) => withoutRow(e, list.name, i));
    focusSoon(addButtonId(list.name));
  };

  /** Starts a new programme from the default of its kind (phases, sessions, length), to adapt. */
  const fillFromDefault = () => {
    const d = DEFAULT_PROGRAMMES.find((p) => p.kind === state.kind);
    if (!d) return;
    setState((s) => ({
      ...s,
      name: s.name.trim() ? s.name : d.name,
      description: s.description.trim() ? s.description : (d.description ?? ''),
      durationWeeks: str(d.durationWeeks),
      capacity: str(d.capacity),
      phases: phaseRows(d.phases),
      sessionTypes: sessionRows(d.sessionTypes),
    }));
    setErrors(NO_ERRORS);
  };

  // --- derived --------------------------------------------------------------------------------------------------

  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const otherError = save.error && !conflict && !(save.error instanceof ApiError && save.error.fields.length > 0) ? save.error : null;
  const problemCount = Object.values(errors.byField).filter(Boolean).length + errors.unplaced.length;
  const defaultOfKind = current ? undefined : DEFAULT_PROGRAMMES.find((p) => p.kind === state.kind);

  const title = current ? t('programmes.form.editTitle', { name: current.name }) : t('programmes.form.createTitle');

  return (
    <Modal
      opened
      onClose={requestClose}
      title={title}
      size="xl"
      fullScreen={narrow}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // The header and the footer stay in view; a field getting focus must not end up under either.
      styles={{ body: { paddingBottom: 0 }, content: { scrollPaddingTop: 72, scrollPaddingBottom: 96 } }}
    >
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="lg">
          <Text size="sm" c="dimmed">{t('programmes.form.unitNote', { unit: facility.name })}</Text>

          {conflict ? (
            <Alert color="yellow" role="alert" title={t('programmes.form.conflictTitle')}>
              <Text size="sm">{t('programmes.form.conflictBody')}</Text>
              <Button id="programme-reload" mt="sm" size="xs" variant="light" color="yellow" loading={reload.isPending} onClick={() => reload.mutate()}>
                {t('programmes.form.reload')}
              </Button>
            </Alert>
          ) : null}
          <ErrorAlert error={reload.error} />
          <ErrorAlert error={otherError} />
          {problemCount > 0 ? (
            <Alert color="red" role="alert">
              {t('validation.formHasErrors', { count: problemCount })}
              {errors.unplaced.length > 0 ? (
                <List size="sm" mt={4}>
                  {errors.unplaced.map((m) => <List.Item key={m}>{m}</List.Item>)}
                </List>
              ) : null}
            </Alert>
          ) : null}

          {/* ---- the programme ---- */}
          <Stack gap="sm" component="section" aria-labelledby="programme-main-heading">
            <Title order={3} size="h5" id="programme-main-heading">{t('programmes.form.mainTitle')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                id="programme-kind"
                label={t('programmes.form.kind')}
                value={state.kind}
                onChange={(e) => set({ kind: e.currentTarget.value }, 'kind')}
                data={[
                  ...(state.kind ? [] : [{ value: '', label: t('common.choose') }]),
                  ...PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programmes.kind.${k}`) })),
                ]}
                error={fieldError('kind')}
                required
                data-autofocus
              />
              <TextInput
                id="programme-name"
                inputWrapperOrder={BELOW}
                label={t('programmes.form.name')}
                description={t('programmes.form.nameHelp')}
                value={state.name}
                onChange={(e) => set({ name: e.currentTarget.value }, 'name')}
                error={fieldError('name')}
                required
                maxLength={160}
                autoComplete="off"
              />
            </SimpleGrid>
            {defaultOfKind && state.phases.length === 0 && state.sessionTypes.length === 0 ? (
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={fillFromDefault}>
                  {t('programmes.form.fillFromDefault')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('programmes.form.fillFromDefaultHelp', {
                    weeks: weeksText(defaultOfKind.durationWeeks),
                    count: defaultOfKind.sessionTypes.length,
                  })}
                </Text>
              </Group>
            ) : null}
            <Textarea
              id="programme-description"
              label={t('programmes.form.description')}
              description={t('programmes.form.descriptionHelp')}
              value={state.description}
              onChange={(e) => set({ description: e.currentTarget.value }, 'description')}
              error={fieldError('description')}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={2000}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <WholeNumberInput
                id="programme-durationWeeks"
                inputWrapperOrder={BELOW}
                label={t('programmes.form.durationWeeks')}
                description={t('programmes.form.durationHelp')}
                value={state.durationWeeks}
                onChange={(e) => set({ durationWeeks: e.currentTarget.value }, 'durationWeeks', 'phases')}
                error={fieldError('durationWeeks')}
              />
              <WholeNumberInput
                id="programme-capacity"
                inputWrapperOrder={BELOW}
                label={t('programmes.form.capacity')}
                description={t('programmes.form.capacityHelp')}
                value={state.capacity}
                onChange={(e) => set({ capacity: e.currentTarget.value }, 'capacity')}
                error={fieldError('capacity')}
              />
            </SimpleGrid>
            <Checkbox
              id="programme-active"
              label={t('programmes.form.active')}
              description={t('programmes.form.activeHelp')}
              checked={state.active}
              onChange={(e) => set({ active: e.currentTarget.checked }, 'active')}
              error={fieldError('active')}
            />
          </Stack>

          {/* ---- phases ---- */}
          <RowListSection
            id="programme-phases-heading"
            title={t('programmes.form.phasesTitle')}
            help={t('programmes.form.phasesHelp')}
            empty={state.phases.length === 0 ? t('programmes.form.noPhases') : null}
            listError={fieldError('phases')}
            addLabel={t('programmes.form.addPhase')}
            addId={addButtonId('phases')}
            onAdd={() => addRow(PHASES)}
            full={state.phases.length >= PHASES.max}
            below={<PhaseSum state={state} onUseSum={(sum) => set({ durationWeeks: String(sum) }, 'durationWeeks', 'phases')} />}
          >
            {state.phases.map((row, i) => (
              <PhaseFieldset
                key={row.key}
                row={row}
                index={i}
                fieldError={(k) => fieldError(`phases.${i}.${k}`)}
                onChange={(patch, ...keys) => setRow(PHASES, i, patch, ...keys)}
                onWeeksChange={() => clear('phases')}
                onRemove={() => removeRow(PHASES, i)}
              />
            ))}
          </RowListSection>

          {/* ---- session types ---- */}
          <RowListSection
            id="programme-sessions-heading"
            title={t('programmes.form.sessionTypesTitle')}
            help={t('programmes.form.sessionTypesHelp')}
            empty={state.sessionTypes.length === 0 ? t('programmes.noSessionTypes') : null}
            listError={fieldError('sessionTypes')}
            addLabel={t('programmes.form.addSessionType')}
            addId={addButtonId('sessionTypes')}
            onAdd={() => addRow(SESSIONS)}
            full={state.sessionTypes.length >= SESSIONS.max}
          >
            {state.sessionTypes.map((row, i) => (
              <SessionFieldset
                key={row.key}
                row={row}
                index={i}
                fieldError={(k) => fieldError(`sessionTypes.${i}.${k}`)}
                onChange={(patch, ...keys) => setRow(SESSIONS, i, patch, ...keys)}
                onCodeChange={() => clear('sessionTypes')}
                onRemove={() => removeRow(SESSIONS, i)}
              />
            ))}
          </RowListSection>

          {/* ---- footer, always in view ---- */}
          <Box
            py="sm"
            style={{
              position: 'sticky',
              bottom: 0,
              background: 'var(--mantine-color-body)',
              borderTop: '1px solid var(--mantine-color-gray-3)',
              zIndex: 2,
            }}
          >
            {confirmingClose ? (
              <Alert color="yellow" title={t('programmes.form.unsavedTitle')} role="alert">
                <Text size="sm">{t('programmes.form.unsavedBody')}</Text>
                <Group mt="sm" gap="sm">
                  <Button id="programme-keep-editing" size="xs" onClick={() => setConfirmingClose(false)}>
                    {t('programmes.form.keepEditing')}
                  </Button>
                  <Button size="xs" variant="default" color="red" onClick={onClose}>
                    {t('programmes.form.discard')}
                  </Button>
                </Group>
              </Alert>
            ) : (
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {dirty ? t('programmes.form.unsaved') : ''}
                </Text>
                <Group gap="sm">
                  <Button variant="default" onClick={requestClose}>{t('common.cancel')}</Button>
                  <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
                </Group>
              </Group>
            )}
          </Box>
        </Stack>
      </form>
    </Modal>
  );
}

/** A list of rows in the form (phases, session types): its heading and help, the rows, the list's own problem, and "add". */
function RowListSection({ id, title, help, empty, children, below, listError, addLabel, addId, onAdd, full }: {
  id: string;
  title: string;
  help: string;
  /** Said in place of the rows when there are none. */
  empty: string | null;
  children: ReactNode;
  /** Shown under the rows, e.g. the phases' weeks added up. */
  below?: ReactNode;
  listError: string | undefined;
  addLabel: string;
  addId: string;
  onAdd: () => void;
  /** The list has as many rows as it may. */
  full: boolean;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <div>
        <Title order={3} size="h5" id={id}>{title}</Title>
        <Text size="sm" c="dimmed">{help}</Text>
      </div>
      {empty ? <Text size="sm">{empty}</Text> : null}
      {children}
      {below}
      {listError ? (
        <Text size="sm" c="red.8" data-error-anchor tabIndex={-1}>
          {listError}
        </Text>
      ) : null}
      <Group>
        <Button id={addId} variant="default" size="xs" onClick={onAdd} disabled={full}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** A code input: short, typed as is, in a monospace face so that "l" and "1" differ. */
function CodeInput(props: Omit<TextInputProps, 'maxLength' | 'autoComplete' | 'autoCapitalize' | 'spellCheck' | 'styles' | 'required'>) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('programmes.form.code')}
      {...props}
      required
      maxLength={40}
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}

/** A whole number typed as text (weeks, people, minutes), checked by the contract when the form is saved. */
function WholeNumberInput(props: Omit<TextInputProps, 'inputMode' | 'autoComplete' | 'required'>) {
  return <TextInput inputMode="numeric" autoComplete="off" required {...props} />;
}

/** One phase of the programme: its name, code and weeks. */
function PhaseFieldset({ row, index, fieldError, onChange, onWeeksChange, onRemove }: {
  row: PhaseRow;
  index: number;
  fieldError: (key: string) => string | undefined;
  onChange: (patch: Partial<PhaseRow>, ...clearKeys: string[]) => void;
  /** The weeks make the list's total: its message goes too. */
  onWeeksChange: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `phase-${row.key}-${field}`;
  return (
    <Fieldset legend={t('programmes.form.phaseN', { n: index + 1 })} p="sm" pt={4} variant="filled">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          id={id('name')}
          label={t('programmes.form.phaseName')}
          value={row.name}
          onChange={(e) => {
            const { patch, clears } = renamed(row, e.currentTarget.value);
            onChange(patch, ...clears);
          }}
          error={fieldError('name')}
          required
          maxLength={80}
          autoComplete="off"
          style={{ flex: '2 1 220px' }}
        />
        <CodeInput
          id={id('code')}
          value={row.code}
          onChange={(e) => {
            const code = e.currentTarget.value;
            onChange({ code, codeAuto: code === '' }, 'code');
          }}
          error={fieldError('code')}
          style={{ flex: '1 1 150px' }}
        />
        <WholeNumberInput
          id={id('weeks')}
          label={t('programmes.form.phaseWeeks')}
          value={row.weeks}
          onChange={(e) => {
            onChange({ weeks: e.currentTarget.value }, 'weeks');
            onWeeksChange();
          }}
          error={fieldError('weeks')}
          style={{ flex: '0 1 110px' }}
        />
        <Button
          variant="subtle"
          color="red"
          mt={25}
          onClick={onRemove}
          aria-label={t('programmes.form.removePhaseAria', { n: index + 1, name: row.name.trim() || '—' })}
        >
          {t('programmes.form.remove')}
        </Button>
      </Group>
    </Fieldset>
  );
}

/** The phases' weeks against the programme's length, live: "2 + 19 + 3 = 24 minggu, sama dengan lama program". */
function PhaseSum({ state, onUseSum }: { state: FormState; onUseSum: (sum: number) => void }) {
  const { t } = useTranslation();
  if (state.phases.length === 0) return null;
  const weeks = state.phases.map((p) => numberOrNull(p.weeks));
  const complete = weeks.every((w): w is number => w !== null && Number.isInteger(w) && w > 0);
  const duration = numberOrNull(state.durationWeeks);
  let message: string;
  let color: string;
  let sum: number | null = null;
  if (!complete) {
    message = t('programmes.form.sumIncomplete');
    color = 'dimmed';
  } else {
    sum = (weeks as number[]).reduce((a, b) => a + b, 0);
    const list = (weeks as number[]).map((w) => formatNumber(w)).join(' + ');
    if (duration === null || Number.isNaN(duration)) {
      message = t('programmes.form.sumNoDuration', { list, sum: weeksText(sum) });
      color = 'dimmed';
    } else if (sum === duration) {
      message = t('programmes.form.sumMatches', { list, sum: weeksText(sum) });
      color = 'teal.9';
    } else {
      message = t('programmes.form.sumDiffers', { list, sum: weeksText(sum), duration: weeksText(duration), diff: weeksText(Math.abs(sum - duration)) });
      color = 'orange.9';
    }
  }
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" c={color} fw={500} aria-live="polite" aria-atomic>
        {message}
      </Text>
      {sum !== null && sum > 0 && sum <= 156 && sum !== duration ? (
        <Button size="compact-xs" variant="light" onClick={() => onUseSum(sum)}>
          {t('programmes.form.useSum', { sum: weeksText(sum) })}
        </Button>
      ) : null}
    </Group>
  );
}

/** One session type: what, how (group, individual, community), how often, how long, and for a group how many. */
function SessionFieldset({
  row,
  index,
  fieldError,
  onChange,
  onCodeChange,
  onRemove,
}: {
  row: SessionRow;
  index: number;
  fieldError: (key: string) => string | undefined;
  onChange: (patch: Partial<SessionRow>, ...clearKeys: string[]) => void;
  onCodeChange: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `session-${row.key}-${field}`;
  const n = index + 1;
  const legend = row.name.trim() ? t('programmes.form.sessionNNamed', { n, name: row.name.trim() }) : t('programmes.form.sessionN', { n });
  const number = (field: 'perWeek' | 'everyWeeks' | 'durationMinutes' | 'minGroup' | 'maxGroup', label: string, help?: string) => (
    <WholeNumberInput
      id={id(field)}
      label={label}
      description={help}
      value={row[field]}
      onChange={(e) => {
        const clears = field === 'minGroup' || field === 'maxGroup' ? ['minGroup', 'maxGroup'] : [field];
        onChange({ [field]: e.currentTarget.value }, ...clears);
      }}
      error={fieldError(field)}
      inputWrapperOrder={BELOW}
    />
  );
  return (
    <Fieldset legend={legend} p="sm" pt={4} variant="filled">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            id={id('name')}
            label={t('programmes.form.sessionName')}
            value={row.name}
            onChange={(e) => {
              const { patch, clears } = renamed(row, e.currentTarget.value);
              onChange(patch, ...clears);
              if (row.codeAuto) onCodeChange();
            }}
            error={fieldError('name')}
            required
            maxLength={120}
            autoComplete="off"
          />
          <CodeInput
            id={id('code')}
            description={t('programmes.form.codeHelp')}
            value={row.code}
            onChange={(e) => {
              const code = e.currentTarget.value;
              onChange({ code, codeAuto: code === '' }, 'code');
              onCodeChange();
            }}
            error={fieldError('code')}
            inputWrapperOrder={BELOW}
          />
          <NativeSelect
            id={id('mode')}
            label={t('programmes.form.mode')}
            value={row.mode}
            onChange={(e) => {
              const mode = e.currentTarget.value as SessionMode;
              onChange({ mode }, 'mode', 'minGroup', 'maxGroup');
            }}
            data={SESSION_MODES.map((m) => ({ value: m, label: t(`programmes.mode.${m}`) }))}
            error={fieldError('mode')}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {number('perWeek', t('programmes.form.perWeek'), t('programmes.form.perWeekHelp'))}
          {number('everyWeeks', t('programmes.form.everyWeeks'), t('programmes.form.everyWeeksHelp'))}
          {number('durationMinutes', t('programmes.form.durationMinutes'), t('programmes.form.durationMinutesHelp'))}
        </SimpleGrid>
        {row.mode === 'group' ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {number('minGroup', t('programmes.form.minGroup'))}
            {number('maxGroup', t('programmes.form.maxGroup'))}
          </SimpleGrid>
        ) : null}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" c="dimmed">{sessionPreview(row)}</Text>
          <Button variant="subtle" color="red" size="xs" onClick={onRemove} aria-label={t('programmes.form.removeSessionAria', { n, name: row.name.trim() || '—' })}>
            {t('programmes.form.remove')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** "2× per minggu · 120 menit · 6–8 orang", from whatever of it is already a valid number. */
function sessionPreview(row: SessionRow): string {
  const valid = (v: string) => {
    const n = numberOrNull(v);
    return n !== null && Number.isInteger(n) && n > 0 ? n : null;
  };
  const perWeek = valid(row.perWeek);
  const everyWeeks = valid(row.everyWeeks);
  const minutes = valid(row.durationMinutes);
  const parts: string[] = [];
  if (perWeek !== null && everyWeeks !== null) parts.push(frequencyText(perWeek, everyWeeks));
  if (minutes !== null) parts.push(minutesText(minutes));
  const group = groupSizeText({ mode: row.mode, minGroup: valid(row.minGroup), maxGroup: valid(row.maxGroup) });
  if (group) parts.push(group);
  return parts.length > 0 ? i18n.t('programmes.form.preview', { text: parts.join(' · ') }) : '';
}
