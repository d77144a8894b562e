import { useRef, useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { conferenceBody, type ConferenceBody } from '../../../shared/contracts/conferences.ts';
import { isDropOutReason } from '../../../shared/domain/outcomes.ts';
import type { WbpSummary } from '../../../shared/contracts/wbp.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { invalidateCareRecord } from '../../app/careRecord.ts';
import { useChosenFacility } from '../../app/facility.ts';
import { formatDate, todayIso } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { OrganizationSelect } from '../../components/OrganizationSelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { withoutRow } from '../../components/rowErrors.ts';
import { Section } from '../../components/Section.tsx';
import { useConfirmedSave } from '../../components/useConfirmedSave.ts';
import { conferenceKeys, createConference, fetchOutcomes, fetchProgrammes } from './api.ts';
import {
  conferenceInput, defaultEnrolment, fieldId, messagesOfIssues, type AttendeeRow, type MeetingValues, type PersonRow,
} from './form.ts';
import { PersonDecisionCard } from './PersonDecisionCard.tsx';
import { PersonSearch } from './PersonSearch.tsx';

/**
 * Recording a case conference: the meeting, its attendees from several agencies, and each person
 * discussed with the team's decision. The decisions take effect when saved, so the user reviews
 * them in words first.
 */
export function NewConferencePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { facility } = useChosenFacility('conference.manage');
  const facilityId = facility?.id ?? '';
  const formRef = useRef<HTMLFormElement>(null);
  const nextKey = useRef(2);

  const [meeting, setMeeting] = useState<MeetingValues>({ heldOn: todayIso(), title: '', notes: '' });
  const [attendees, setAttendees] = useState<AttendeeRow[]>(() => [{
    key: 1, name: user.fullName, position: t(`roles.${user.role}`), organizationId: user.organization.id, agency: '', userId: user.id,
  }]);
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState<string | null>(null);

  const programmes = useQuery({
    queryKey: conferenceKeys.programmes(facilityId),
    queryFn: ({ signal }) => fetchProgrammes(facilityId, signal),
    enabled: facility !== null,
  });
  const organizations = useOrganizations();

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const { mutation: save, pending, ask, confirm } = useConfirmedSave({
    save: (body: ConferenceBody) => createConference(facilityId, body),
    onSaved: (record) => {
      void queryClient.invalidateQueries({ queryKey: conferenceKeys.all });
      // Decisions take effect on each person's record: programmes ended, changed or continued, referrals.
      for (const p of record.people) invalidateCareRecord(queryClient, p.wbpId, 'outcomes', 'progress', 'urine', 'enrolments', 'tasks');
      queryClient.setQueryData(conferenceKeys.detail(record.id), record);
      notifications.show({ color: 'teal', message: t('care.conferences.form.saved') });
      navigate(`/konferensi/${record.id}`);
    },
    onFailed: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) showErrors(err.messagesByPath());
    },
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('care.conferences.form.title')} />
        <EmptyState title={t('care.conferences.noFacilityTitle')} description={t('care.conferences.noFacilityHelp')} />
      </>
    );
  }

  const clear = (...keys: string[]) => setErrors((e) => (keys.some((k) => e[k]) ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e));
  const setMeetingField = (key: keyof MeetingValues, value: string) => {
    setMeeting((m) => ({ ...m, [key]: value }));
    clear(key);
  };
  const addAttendee = () => {
    const key = nextKey.current;
    nextKey.current += 1;
    setAttendees((rows) => [...rows, { key, name: '', position: '', organizationId: null, agency: '', userId: null }]);
    clear('attendees');
    focusSoon(fieldId(`attendees.${attendees.length}.name`));
  };
  const changeAttendee = (index: number, patch: Partial<AttendeeRow>) => {
    setAttendees((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    clear(...Object.keys(patch).map((k) => `attendees.${index}.${k}`), 'attendees');
  };
  const changePerson = (index: number, patch: Partial<PersonRow>) => {
    setPeople((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    // A new decision asks for other facts: its earlier messages no longer apply.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`people.${index}.`))));
  };
  // The rows after a removed one move up, and their messages with them; focus goes where the list is added to.
  const removeAttendee = (index: number) => {
    setAttendees((rows) => rows.filter((_, i) => i !== index));
    setErrors((e) => withoutRow(e, 'attendees', index));
    focusSoon(ADD_ATTENDEE_ID);
  };
  const removePerson = (index: number) => {
    setPeople((rows) => rows.filter((_, i) => i !== index));
    setErrors((e) => withoutRow(e, 'people', index));
    focusSoon(PERSON_SEARCH_ID);
  };

  const addPerson = async (person: WbpSummary) => {
    setAdding(person.id);
    let enrolmentId = '';
    try {
      enrolmentId = defaultEnrolment(await queryClient.fetchQuery({
        queryKey: conferenceKeys.outcomes(person.id), queryFn: ({ signal }) => fetchOutcomes(person.id, signal),
      }));
    } catch {
      // the card shows the error with a retry, and the programme can be chosen there
    } finally {
      setAdding(null);
    }
    if (people.some((r) => r.wbpId === person.id)) return;
    setPeople((rows) => (rows.some((r) => r.wbpId === person.id) ? rows : [...rows, {
      wbpId: person.id, fullName: person.fullName, sdpNumber: person.sdpNumber, enrolmentId, discussion: '', decision: 'continue',
      programmeId: null, toOrganizationId: null, toName: '', referralReason: '', dropReason: '', note: '',
    }]));
    clear('people');
    // The button pressed is now disabled ("already added"): carry on in the new person's discussion.
    focusSoon(fieldId(`people.${people.length}.discussion`));
  };

  const review = (e: FormEvent) => {
    e.preventDefault();
    const input = conferenceInput(meeting, attendees, people);
    const parsed = conferenceBody.safeParse(input);
    if (!parsed.success) {
      showErrors(messagesOfIssues(parsed.error, input));
      return;
    }
    setErrors({});
    ask(parsed.data);
  };

  const programmeName = (id: string | null) => programmes.data?.find((p) => p.id === id)?.name ?? '';
  const organizationName = (id: string | null) => organizations.data?.find((o) => o.id === id)?.name ?? '';
  const planOf = (p: ConferenceBody['people'][number]): string => {
    switch (p.decision) {
      case 'continue': return t('care.conferences.form.planContinue');
      case 'complete': return t('care.conferences.form.planComplete');
      case 'drop_out': return t('care.conferences.form.planDropOut', { reason: isDropOutReason(p.detail.reason) ? t(`care.conferences.dropReason.${p.detail.reason}`) : '' });
      case 'change_programme': return t('care.conferences.form.planChange', { programme: programmeName(p.detail.programmeId) });
      case 'refer': return t('care.conferences.form.planRefer', { to: p.detail.toName ?? organizationName(p.detail.toOrganizationId) });
    }
  };
  const nameOf = (wbpId: string) => people.find((p) => p.wbpId === wbpId)?.fullName ?? wbpId;
  const sectionMessage = (key: string) => (errors[key] ? <Text c="red" size="sm" role="alert">{errors[key]}</Text> : null);
  const hasErrors = Object.values(errors).some(Boolean);
  const listLink = `/konferensi?upt=${encodeURIComponent(facility.id)}`;

  return (
    <>
      <Anchor component={Link} to={listLink} size="sm">← {t('care.conferences.form.back')}</Anchor>
      <PageTitle title={t('care.conferences.form.title')} subtitle={facility.name} />
      {hasErrors ? <Alert color="red" role="alert" mb="md">{t('care.conferences.form.fixErrors')}</Alert> : null}
      <FormErrorAlert error={save.error} title={t('care.conferences.form.failed')} />
      <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      <form ref={formRef} onSubmit={review} noValidate>
        <Stack gap="md">
          <Section id="conference-meeting" title={t('care.conferences.form.meeting')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  id={fieldId('heldOn')}
                  type="date"
                  label={t('care.conferences.form.heldOn')}
                  value={meeting.heldOn}
                  max={todayIso()}
                  onChange={(e) => setMeetingField('heldOn', e.currentTarget.value)}
                  error={errors.heldOn}
                  required
                />
                <TextInput
                  id={fieldId('title')}
                  label={t('care.conferences.form.titleField')}
                  placeholder={t('care.conferences.form.titlePlaceholder')}
                  value={meeting.title}
                  onChange={(e) => setMeetingField('title', e.currentTarget.value)}
                  error={errors.title}
                  maxLength={200}
                  required
                />
              </SimpleGrid>
              <Textarea
                id={fieldId('notes')}
                label={t('care.conferences.form.notes')}
                value={meeting.notes}
                onChange={(e) => setMeetingField('notes', e.currentTarget.value)}
                error={errors.notes}
                autosize
                minRows={2}
                maxLength={8000}
              />
            </Stack>
          </Section>

          <Section
            id="conference-attendees"
            title={t('care.conferences.form.attendees')}
            actions={<Button id={ADD_ATTENDEE_ID} variant="light" onClick={addAttendee}>{t('care.conferences.form.addAttendee')}</Button>}
          >
            <Text size="sm" c="dimmed" mb="sm">{t('care.conferences.form.attendeesHelp')}</Text>
            {sectionMessage('attendees')}
            <Stack gap="sm">
              {attendees.map((a, i) => (
                <AttendeeFields
                  key={a.key}
                  row={a}
                  index={i}
                  errors={errors}
                  onChange={(patch) => changeAttendee(i, patch)}
                  onRemove={attendees.length > 1 ? () => removeAttendee(i) : null}
                />
              ))}
            </Stack>
          </Section>

          <Section id="conference-people" title={t('care.conferences.form.people')}>
            <Stack gap="md">
              <PersonSearch
                id={PERSON_SEARCH_ID}
                facilityId={facility.id}
                added={new Set(people.map((p) => p.wbpId))}
                adding={adding}
                onAdd={(p) => void addPerson(p)}
              />
              {sectionMessage('people')}
              {people.length === 0 ? <Text size="sm" c="dimmed">{t('care.conferences.form.noPeople')}</Text> : null}
              {people.map((p, i) => (
                <PersonDecisionCard
                  key={p.wbpId}
                  row={p}
                  index={i}
                  programmes={programmes.data ?? []}
                  errors={errors}
                  onChange={(patch) => changePerson(i, patch)}
                  onRemove={() => removePerson(i)}
                />
              ))}
            </Stack>
          </Section>

          <Group justify="flex-end">
            <Button component={Link} to={listLink} variant="default">{t('common.cancel')}</Button>
            <Button type="submit">{t('care.conferences.form.review')}</Button>
          </Group>
        </Stack>
      </form>

      <ConfirmDialog
        {...confirm}
        title={t('care.conferences.form.confirmTitle')}
        size="lg"
        message={pending ? (
          <Stack>
            <Title order={2} size="h5">{pending.title} — {formatDate(pending.heldOn)}</Title>
            <Text>{t('care.conferences.form.confirmIntro')}</Text>
            <List spacing={4}>
              {pending.people.map((p) => (
                <List.Item key={p.wbpId}>
                  <Text span fw={600}>{nameOf(p.wbpId)}</Text>: {planOf(p)}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        cancelLabel={t('common.back')}
        confirmLabel={t('care.conferences.form.confirmYes')}
        color="orange"
      />
    </>
  );
}

const ADD_ATTENDEE_ID = 'conference-add-attendee';
const PERSON_SEARCH_ID = 'conference-person-search';

/** Moves focus once the change on screen has been drawn. */
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** One attendee: name, position, and the agency, chosen from the organisations or written out. */
function AttendeeFields({ row, index, errors, onChange, onRemove }: {
  row: AttendeeRow;
  index: number;
  errors: Readonly<Record<string, string>>;
  onChange: (patch: Partial<AttendeeRow>) => void;
  /** Null for the only attendee, who stays. */
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const at = (name: string) => `attendees.${index}.${name}`;
  return (
    <Paper withBorder p="sm" role="group" aria-label={t('care.conferences.form.attendeeN', { n: index + 1 })}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          id={fieldId(at('name'))}
          label={t('care.conferences.form.attendeeName')}
          value={row.name}
          onChange={(e) => onChange({ name: e.currentTarget.value, userId: null })}
          error={errors[at('name')] ?? errors[at('userId')]}
          maxLength={120}
          required
          miw={200}
          style={{ flex: 2 }}
        />
        <TextInput
          id={fieldId(at('position'))}
          label={t('care.conferences.form.attendeePosition')}
          value={row.position}
          onChange={(e) => onChange({ position: e.currentTarget.value })}
          error={errors[at('position')]}
          maxLength={120}
          miw={160}
          style={{ flex: 1 }}
        />
        <OrganizationSelect
          id={fieldId(at('organizationId'))}
          label={t('care.conferences.form.attendeeOrganization')}
          value={row.organizationId}
          onChange={(v) => onChange({ organizationId: v })}
          error={errors[at('organizationId')]}
          clearable
          miw={220}
          style={{ flex: 2 }}
        />
        <TextInput
          id={fieldId(at('agency'))}
          label={t('care.conferences.form.attendeeAgency')}
          value={row.organizationId ? '' : row.agency}
          onChange={(e) => onChange({ agency: e.currentTarget.value })}
          error={errors[at('agency')]}
          disabled={row.organizationId !== null}
          maxLength={120}
          miw={160}
          style={{ flex: 1 }}
        />
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          onClick={onRemove ?? undefined}
          disabled={onRemove === null}
          aria-label={t('care.conferences.form.removeAttendee', { n: index + 1 })}
        >
          ✕
        </ActionIcon>
      </Group>
    </Paper>
  );
}
