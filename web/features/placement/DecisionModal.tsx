import { useState, type FormEvent } from 'react';
import {
  Alert, Anchor, Badge, Button, Checkbox, Group, List, Modal, Radio, Stack, Text, Textarea, TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { decisionRequest } from '../../../shared/contracts/programmes.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatNumber, todayIso } from '../../app/format.ts';
import { orNull, validate, type FieldErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import {
  decide, fetchProgrammes, placementKeys, type DecisionRecord, type DecisionRequest, type PendingDecision,
} from './api.ts';
import { ClassBadge } from './ClassBadge.tsx';

type Place = DecisionRequest['place'];

/** The first field with a problem, else (a problem no field shows) the button that checks the form again. */
const FIRST_INVALID = '#decision-form [aria-invalid="true"], #decision-submit';
/**
 * The buttons of each step replace those of the step before, taking focus with them; give it to
 * what comes next, so that the keyboard stays inside the dialog.
 */
function focusSoon(selector: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/** The head of unit's decree placing one person: number, date, programmes, place; then who starts and who waits. */
export function DecisionModal({
  facility,
  person,
  onClose,
}: {
  facility: { id: string; name: string };
  person: PendingDecision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState(todayIso());
  const [programmeIds, setProgrammeIds] = useState<string[]>([]);
  const [place, setPlace] = useState<Place>(person.recommendedPlace === 'outside_unit' && person.outsideAllowed ? 'outside_unit' : 'inside_unit');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState<DecisionRequest | null>(null);
  /** A change after "Periksa" withdraws the question: it would otherwise confirm what is no longer on screen. */
  const edit = <V,>(set: (value: V) => void) => (value: V) => {
    set(value);
    setConfirming(null);
  };

  const programmes = useQuery({
    queryKey: placementKeys.programmes(facility.id),
    queryFn: ({ signal }) => fetchProgrammes(facility.id, signal),
  });
  const active = (programmes.data ?? []).filter((p) => p.active);

  const save = useMutation({
    mutationFn: (body: DecisionRequest) => decide(person.wbpId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: placementKeys.pendingAll });
      void queryClient.invalidateQueries({ queryKey: placementKeys.rosterAll });
      focusSoon('#decision-result-close');
    },
    onError: (err) => {
      setConfirming(null);
      if (err instanceof ApiError && err.fields.length > 0) {
        setErrors(err.fieldErrors());
        focusSoon(FIRST_INVALID);
      } else {
        focusSoon('#decision-submit');
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(decisionRequest, {
      assessmentId: person.assessmentId, decreeNumber, decreeDate, programmeIds, place, note: orNull(note),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusSoon(FIRST_INVALID);
      return;
    }
    setErrors({});
    save.reset();
    setConfirming(checked.data);
    focusSoon('#decision-confirm-yes');
  };

  const result: DecisionRecord | undefined = save.data;
  const title = t('placement.form.title', { name: person.fullName });

  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Group gap="xs" mb="sm">
        <Text size="sm">{t('placement.sdp', { number: person.sdpNumber })}</Text>
        <ClassBadge value={person.finalClass} />
        {person.overdue ? <Badge color="red.8" variant="filled" tt="none">{t('placement.overdue')}</Badge> : null}
        <Text size="sm" c="dimmed">{t('placement.dueOn', { date: formatDate(person.dueOn) })}</Text>
      </Group>

      {result ? (
        <DecisionResult result={result} onClose={onClose} />
      ) : (
        <form id="decision-form" onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormErrorAlert error={save.error} />
            <TextInput
              label={t('placement.form.decreeNumber')}
              description={t('placement.form.decreeNumberHelp')}
              value={decreeNumber}
              onChange={(e) => edit(setDecreeNumber)(e.currentTarget.value)}
              error={errors.decreeNumber}
              required
              maxLength={80}
              autoComplete="off"
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('placement.form.decreeDate')}
              value={decreeDate}
              onChange={(e) => edit(setDecreeDate)(e.currentTarget.value)}
              error={errors.decreeDate}
              required
              maw={220}
            />
            {programmes.isPending ? (
              <Loading />
            ) : (
              <Checkbox.Group
                label={t('placement.form.programmes')}
                description={t('placement.form.programmesHelp')}
                value={programmeIds}
                onChange={edit(setProgrammeIds)}
                error={errors.programmeIds}
                required
              >
                <Stack gap={6} mt={6}>
                  {active.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('placement.form.noProgrammes')}{' '}
                      <Anchor component={Link} to="/program">{t('placement.form.toCatalogue')}</Anchor>
                    </Text>
                  ) : (
                    active.map((p) => (
                      <Checkbox
                        key={p.id}
                        value={p.id}
                        label={p.name}
                        description={t('placement.form.capacity', { count: p.capacity, formatted: formatNumber(p.capacity) })}
                      />
                    ))
                  )}
                </Stack>
              </Checkbox.Group>
            )}
            <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
            <Radio.Group
              label={t('placement.form.place')}
              value={place}
              onChange={(v) => edit(setPlace)(v as Place)}
              error={errors.place}
              required
            >
              <Stack gap={6} mt={6}>
                <Radio value="inside_unit" label={t('clinical.place.inside_unit')} />
                <Radio
                  value="outside_unit"
                  label={t('clinical.place.outside_unit')}
                  disabled={!person.outsideAllowed}
                  description={person.outsideAllowed ? t('placement.form.outsideHelp') : t('placement.form.outsideNotAllowed')}
                />
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('placement.form.note')}
              value={note}
              onChange={(e) => edit(setNote)(e.currentTarget.value)}
              error={errors.note}
              autosize
              minRows={2}
              maxLength={2000}
            />
            {errors.assessmentId ? <Alert color="red" role="alert">{errors.assessmentId}</Alert> : null}
            {confirming ? (
              <Alert color="yellow" title={t('placement.form.confirmTitle')} role="alertdialog" aria-live="assertive">
                <Text size="sm" mb="sm">
                  {t('placement.form.confirmBody', {
                    name: person.fullName,
                    number: confirming.decreeNumber,
                    date: formatDate(confirming.decreeDate),
                    programmes: active.filter((p) => confirming.programmeIds.includes(p.id)).map((p) => p.name).join(', '),
                    place: t(`clinical.place.${confirming.place}`),
                  })}
                </Text>
                <Group justify="flex-end">
                  <Button
                    variant="default"
                    onClick={() => {
                      setConfirming(null);
                      focusSoon('#decision-submit');
                    }}
                    disabled={save.isPending}
                  >
                    {t('placement.form.backToForm')}
                  </Button>
                  <Button id="decision-confirm-yes" onClick={() => save.mutate(confirming)} loading={save.isPending}>
                    {t('placement.form.confirmYes')}
                  </Button>
                </Group>
              </Alert>
            ) : (
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
                <Button id="decision-submit" type="submit">{t('placement.form.submit')}</Button>
              </Group>
            )}
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function DecisionResult({ result, onClose }: { result: DecisionRecord; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-live="polite">
      <Alert color="teal" title={t('placement.result.title')}>
        <Text size="sm">
          {t('placement.result.decree', { number: result.decreeNumber, date: formatDate(result.decreeDate), place: t(`clinical.place.${result.place}`) })}
        </Text>
        {result.workingDaysTaken !== null ? (
          <Text size="sm">
            {result.onTime
              ? t('placement.result.onTime', { count: result.workingDaysTaken })
              : t('placement.result.late', { count: result.workingDaysTaken })}
          </Text>
        ) : null}
      </Alert>
      <List spacing="xs">
        {result.enrolments.map((e) => (
          <List.Item key={e.id}>
            <Text size="sm" fw={600}>{e.programmeName}</Text>
            {e.status === 'active' ? (
              <Text size="sm">
                <Badge color="teal.8" variant="filled" tt="none" mr={6}>{t('placement.status.active')}</Badge>
                {t('placement.result.activeDates', { start: formatDate(e.startDate), end: formatDate(e.expectedEndDate) })}
              </Text>
            ) : e.status === 'waitlisted' ? (
              <Text size="sm">
                <Badge color="yellow.4" autoContrast variant="filled" tt="none" mr={6}>{t('placement.status.waitlisted')}</Badge>
                {e.waitlistPosition !== null ? t('placement.result.position', { position: e.waitlistPosition }) : null}
              </Text>
            ) : (
              <Text size="sm">{t(`placement.status.${e.status}`)}</Text>
            )}
            {e.cannotFinishReason ? (
              <Text size="sm" c="red.9" fw={600}>{t('placement.cannotFinish', { reason: e.cannotFinishReason })}</Text>
            ) : null}
            <Anchor component={Link} to={`/program/${e.programmeId}/peserta`} size="sm">
              {t('placement.result.toRoster', { name: e.programmeName })}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Group justify="flex-end">
        <Button id="decision-result-close" onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
