import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Paper, Radio, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  ABSENCE_REASONS, ATTENDANCE_STATUSES, attendanceBody, type AttendanceStatus,
} from '../../../shared/contracts/timetable.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime, todayIso } from '../../app/format.ts';
import { issueMessage } from '../../app/validation.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fetchAttendance, saveAttendance, timetableKeys, type SessionAttendance } from './api.ts';
import { formatLongDate, mondayOf, timeText } from './labels.ts';
import { SessionGroupText } from './SessionParts.tsx';

type AbsenceReason = (typeof ABSENCE_REASONS)[number];
interface Row {
  wbpId: string;
  fullName: string;
  sdpNumber: string;
  status: AttendanceStatus | '';
  absenceReason: AbsenceReason | '';
  note: string;
}
/** Messages by row index and field: "3.absenceReason". */
type RowErrors = Record<string, string>;

const STATUS_COLOR: Record<AttendanceStatus, string> = { present: 'teal.8', absent: 'red.8', excused: 'yellow.4' };

/** Attendance of a whole session on one screen, made for the keyboard: arrows pick a status, Tab moves on, Enter saves. */
export function AttendancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const attendance = useQuery({ queryKey: timetableKeys.attendance(id), queryFn: ({ signal }) => fetchAttendance(id, signal) });

  if (attendance.isPending) return <Loading />;
  if (attendance.error || !attendance.data) {
    return (
      <>
        <PageTitle title={t('timetable.attendancePage.title')} />
        {attendance.error instanceof ApiError && attendance.error.status === 404 ? (
          <EmptyState
            title={t('timetable.attendancePage.notFound')}
            action={<Anchor component={Link} to="/jadwal">{t('timetable.backToTimetable')}</Anchor>}
          />
        ) : (
          <ErrorAlert error={attendance.error} onRetry={() => void attendance.refetch()} />
        )}
      </>
    );
  }
  // A fresh form after each save, so the recorded state is what the rows show.
  return <AttendanceForm key={attendance.data.recordedAt ?? 'new'} data={attendance.data} />;
}

function rowsOf(data: SessionAttendance): Row[] {
  return data.members.map((m) => ({
    wbpId: m.wbpId,
    fullName: m.fullName,
    sdpNumber: m.sdpNumber,
    status: m.status ?? '',
    absenceReason: m.absenceReason ?? '',
    note: m.note ?? '',
  }));
}

function AttendanceForm({ data }: { data: SessionAttendance }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const s = data.session;
  const [rows, setRows] = useState<Row[]>(() => rowsOf(data));
  const [errors, setErrors] = useState<RowErrors>({});
  const { can } = useAuth();
  const location = useLocation();
  // Back to the list this screen was opened from (it knows the unit), else to the session's week.
  const from: unknown = location.state;
  const back = from !== null && typeof from === 'object' && 'back' in from && typeof from.back === 'string' && from.back.startsWith('/jadwal')
    ? from.back
    : `/jadwal?week=${mondayOf(s.date)}`;
  const future = s.date > todayIso();
  const readOnly = future || !can('attendance.write');
  const recorded = data.recordedAt !== null;

  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveAttendance>[1]) => saveAttendance(s.id, body),
    onSuccess: (result) => {
      queryClient.setQueryData(timetableKeys.attendance(s.id), result);
      void queryClient.invalidateQueries({ queryKey: timetableKeys.weekAll });
      void queryClient.invalidateQueries({ queryKey: timetableKeys.staffDayAll });
      void queryClient.invalidateQueries({ queryKey: timetableKeys.personAttendanceAll });
      notifications.show({
        color: 'teal',
        message: t(recorded ? 'timetable.attendancePage.corrected' : 'timetable.attendancePage.saved', { session: s.sessionName, date: formatLongDate(s.date) }),
      });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) {
        const next: RowErrors = {};
        for (const f of err.fields) {
          const m = /^entries\.(\d+)\.(\w+)$/.exec(f.field);
          const key = m ? `${m[1]}.${m[2]}` : f.field;
          next[key] ??= f.message.replace(/^[^:\n]{1,60}:\s+(?=\S)/, '');
        }
        setErrors(next);
        focusFirstInvalid();
      }
    },
  });

  const update = (index: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    // A changed field's message goes; a new status also clears the reason's.
    const cleared = new Set(Object.keys(patch).map((k) => `${index}.${k}`));
    if (patch.status !== undefined) cleared.add(`${index}.absenceReason`);
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !cleared.has(k))));
  };
  const allPresent = () => {
    setRows((rs) => rs.map((r) => ({ ...r, status: 'present', absenceReason: '' })));
    setErrors({});
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (readOnly || save.isPending) return;
    const input = {
      entries: rows.map((r) => ({
        wbpId: r.wbpId,
        status: r.status === '' ? undefined : r.status,
        absenceReason: r.status === 'absent' && r.absenceReason !== '' ? r.absenceReason : null,
        note: r.note.trim() === '' ? null : r.note.trim(),
      })),
    };
    const checked = attendanceBody.safeParse(input);
    if (!checked.success) {
      const next: RowErrors = {};
      for (const issue of checked.error.issues) {
        const [, index, field] = issue.path;
        const key = typeof index === 'number' && typeof field === 'string' ? `${index}.${field}` : '_form';
        next[key] ??= issue.path[2] === 'status' ? t('timetable.attendancePage.statusRequired') : issueMessage(issue, input);
      }
      setErrors(next);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    save.mutate(checked.data);
  };

  // Ctrl+Enter saves from anywhere in the form (Enter alone already does from a note).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  const counts = ATTENDANCE_STATUSES.map((st) => ({ st, n: rows.filter((r) => r.status === st).length }));
  const unanswered = rows.filter((r) => r.status === '').length;
  const errorCount = Object.keys(errors).length;
  const formError = errors._form ?? errors.date ?? errors.entries;

  return (
    <>
      <Anchor component={Link} to={back} size="sm" className="no-print">
        ← {back.startsWith('/jadwal/harian') ? t('timetable.backToDayList') : t('timetable.backToTimetable')}
      </Anchor>
      <PageTitle
        title={t('timetable.attendancePage.titleOf', { programme: s.programmeName, session: s.sessionName })}
        subtitle={t('timetable.attendancePage.subtitle', {
          date: formatLongDate(s.date), time: timeText(s.start, s.end), room: s.roomName, staff: s.staffName,
        })}
      />
      <Group gap="xs" mb="sm">
        <Text size="sm"><SessionGroupText session={s} /></Text>
        <Text size="sm" c="dimmed">· {t('timetable.memberCount', { count: rows.length, formatted: String(rows.length) })}</Text>
      </Group>
      {recorded ? (
        <Alert color="teal" variant="light" mb="md" title={t('timetable.attendancePage.recordedTitle')} role="status">
          <Text size="sm">
            {data.recordedBy
              ? t('timetable.attendancePage.recordedBy', { name: data.recordedBy, date: formatDateTime(data.recordedAt) })
              : t('timetable.attendancePage.recordedAt', { date: formatDateTime(data.recordedAt) })}
          </Text>
          <Text size="sm">{t('timetable.attendancePage.correctHelp')}</Text>
        </Alert>
      ) : null}
      {future ? (
        <Alert color="yellow" variant="light" mb="md" role="status">{t('timetable.attendancePage.future', { date: formatLongDate(s.date) })}</Alert>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t('timetable.attendancePage.noMembers')} />
      ) : (
        <form id="attendance-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('timetable.attendancePage.formLabel')}>
          <FormErrorAlert error={save.error} />
          {formError ? <Alert color="red" role="alert" mb="sm">{formError}</Alert> : null}
          {errorCount > 0 && !formError ? (
            <Text c="red.8" size="sm" role="alert" mb="sm">{t('validation.formHasErrors', { count: errorCount })}</Text>
          ) : null}
          <Group justify="space-between" mb="xs" wrap="wrap" className="no-print">
            <Text size="sm" c="dimmed">{t('timetable.attendancePage.keyboardHelp')}</Text>
            <Button variant="light" onClick={allPresent} disabled={readOnly}>{t('timetable.attendancePage.allPresent')}</Button>
          </Group>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('timetable.attendancePage.person')}</Table.Th>
                    <Table.Th scope="col">{t('timetable.attendancePage.status')}</Table.Th>
                    <Table.Th scope="col">{t('timetable.attendancePage.reason')}</Table.Th>
                    <Table.Th scope="col">{t('timetable.attendancePage.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <AttendanceRow key={r.wbpId} row={r} index={i} errors={errors} disabled={readOnly} onChange={(patch) => update(i, patch)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Group justify="space-between" mt="md" wrap="wrap">
            <Text size="sm" aria-live="polite">
              {counts.map(({ st, n }) => `${t(`attendance.status.${st}`)}: ${n}`).join(' · ')}
              {unanswered > 0 ? ` · ${t('timetable.attendancePage.unanswered', { count: unanswered })}` : ''}
            </Text>
            <Button type="submit" loading={save.isPending} disabled={readOnly}>
              {recorded ? t('timetable.attendancePage.saveCorrection') : t('timetable.attendancePage.save')}
            </Button>
          </Group>
        </form>
      )}
    </>
  );
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('#attendance-form [aria-invalid="true"], #attendance-form [data-invalid-group] input[type="radio"]');
    el?.focus();
  });
}

function AttendanceRow({ row, index, errors, disabled, onChange }: {
  row: Row; index: number; errors: RowErrors; disabled: boolean; onChange: (patch: Partial<Row>) => void;
}) {
  const { t } = useTranslation();
  const absent = row.status === 'absent';
  const statusError = errors[`${index}.status`];
  const reasonError = errors[`${index}.absenceReason`];
  const noteError = errors[`${index}.note`];
  return (
    <Table.Tr style={row.status ? { boxShadow: `inset 4px 0 0 var(--mantine-color-${STATUS_COLOR[row.status].replace('.', '-')})` } : undefined}>
      <Table.Th scope="row" fw={500} style={{ verticalAlign: 'top' }}>
        {row.fullName}
        <Text size="xs" c="dimmed" ff="monospace">{row.sdpNumber}</Text>
        {errors[`${index}.wbpId`] ? <Text size="xs" c="red.8" role="alert">{errors[`${index}.wbpId`]}</Text> : null}
      </Table.Th>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Radio.Group
          label={t('timetable.attendancePage.statusOf', { name: row.fullName })}
          labelProps={{ className: 'visually-hidden' }}
          value={row.status}
          onChange={(v) => onChange({ status: v as AttendanceStatus, absenceReason: v === 'absent' ? row.absenceReason : '' })}
          error={statusError}
          {...(statusError ? { 'data-invalid-group': true } : {})}
          readOnly={disabled}
        >
          <Group gap="md" wrap="nowrap">
            {ATTENDANCE_STATUSES.map((st) => (
              <Radio key={st} value={st} label={t(`attendance.status.${st}`)} disabled={disabled} />
            ))}
          </Group>
        </Radio.Group>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <NativeSelect
          aria-label={t('timetable.attendancePage.reasonOf', { name: row.fullName })}
          value={absent ? row.absenceReason : ''}
          onChange={(e) => onChange({ absenceReason: e.currentTarget.value as AbsenceReason | '' })}
          data={[
            { value: '', label: absent ? t('common.choose') : '—' },
            ...ABSENCE_REASONS.map((r) => ({ value: r, label: t(`attendance.reason.${r}`) })),
          ]}
          disabled={!absent || disabled}
          required={absent}
          error={reasonError}
          miw={170}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <TextInput
          aria-label={t('timetable.attendancePage.noteOf', { name: row.fullName })}
          value={row.note}
          onChange={(e) => onChange({ note: e.currentTarget.value })}
          error={noteError}
          maxLength={300}
          disabled={disabled}
          autoComplete="off"
          enterKeyHint="done"
        />
      </Table.Td>
    </Table.Tr>
  );
}
