import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { availabilityBody } from '../../../shared/contracts/routine.ts';
import { ApiError } from '../../app/api.ts';
import { issueMessage } from '../../app/validation.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { fetchStaff, routineKeys, saveStaff, type Availability } from './api.ts';
import { DAYS, dayName, timeText } from './labels.ts';

interface WindowRow {
  key: string;
  day: string;
  start: string;
  end: string;
}
let seq = 0;
const nextKey = () => `w${(seq += 1)}`;

/** When each staff member can run sessions, weekly. */
export function StaffSection({ facilityId, canManage }: { facilityId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const staff = useQuery({ queryKey: routineKeys.staff(facilityId), queryFn: ({ signal }) => fetchStaff(facilityId, signal) });
  const items = [...(staff.data ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName, 'id'));
  return (
    <section aria-labelledby="routine-staff">
      <Title order={2} size="h3" id="routine-staff" mt="xl" mb="xs">{t('routine.staff.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('routine.staff.help')}</Text>
      <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      {staff.isPending ? (
        <Loading />
      ) : staff.data && items.length === 0 ? (
        <EmptyState title={t('routine.staff.empty')} />
      ) : (
        <Stack gap="sm">
          {items.map((s) => (
            <StaffCard key={s.userId} facilityId={facilityId} staff={s} canManage={canManage} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function StaffCard({ facilityId, staff, canManage }: { facilityId: string; staff: Availability; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<WindowRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const headingId = `staff-${staff.userId}`;
  const formRef = useRef<HTMLFormElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // The button that was pressed goes away with the switch: focus follows into the form, and back to "Ubah" after it.
  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('select, input, button')?.focus();
    else if (wasEditing.current) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveStaff>[2]) => saveStaff(facilityId, staff.userId, body),
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: t('routine.staff.saved', { name: saved.fullName }) });
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: routineKeys.staff(facilityId) });
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const out: Record<string, string> = {};
        for (const f of err.fields) out[f.field] ??= f.message;
        setErrors(out);
      }
    },
  });

  /** The form starts from the hours as they are saved now. */
  const startEditing = () => {
    setRows(
      [...staff.windows]
        .sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.start.localeCompare(b.start))
        .map((w) => ({ key: nextKey(), day: String(w.dayOfWeek), start: w.start, end: w.end })),
    );
    setErrors({});
    save.reset();
    setEditing(true);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { windows: rows.map((r) => ({ dayOfWeek: Number(r.day), start: r.start, end: r.end })) };
    const parsed = availabilityBody.safeParse(input);
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) out[issue.path.map(String).join('.')] ??= issueMessage(issue, input);
      setErrors(out);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };
  const update = (key: string, patch: Partial<WindowRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Title order={3} size="h5" id={headingId}>{staff.fullName}</Title>
          <Text size="xs" c="dimmed">{t(`roles.${staff.role}`, { defaultValue: staff.role })}</Text>
        </div>
        {canManage && !editing ? (
          <Button ref={editRef} size="xs" variant="default" className="no-print" aria-label={t('routine.staff.editAria', { name: staff.fullName })} onClick={startEditing}>
            {t('common.edit')}
          </Button>
        ) : null}
      </Group>
      {!editing ? (
        staff.windows.length === 0 ? (
          <Text size="sm" c="dimmed" mt={4}>{t('routine.staff.none')}</Text>
        ) : (
          <Text size="sm" mt={4}>
            {DAYS.filter((d) => staff.windows.some((w) => w.dayOfWeek === d))
              .map((d) => `${dayName(d)} ${staff.windows.filter((w) => w.dayOfWeek === d).sort((a, b) => a.start.localeCompare(b.start)).map((w) => timeText(w.start, w.end)).join(', ')}`)
              .join(' · ')}
          </Text>
        )
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-label={t('routine.staff.formLabel', { name: staff.fullName })}>
          <FormErrorAlert error={save.error} />
          {errors.windows ? <Text c="red.8" size="sm" role="alert">{errors.windows}</Text> : null}
          <Stack gap="xs" mt="xs">
            {rows.length === 0 ? <Text size="sm" c="dimmed">{t('routine.staff.none')}</Text> : null}
            {rows.map((r, i) => (
              <Group key={r.key} gap="xs" align="flex-start" wrap="wrap">
                <NativeSelect
                  label={t('routine.staff.windowDay', { n: i + 1 })}
                  value={r.day}
                  onChange={(e) => update(r.key, { day: e.currentTarget.value })}
                  data={DAYS.map((d) => ({ value: String(d), label: dayName(d) }))}
                  error={errors[`windows.${i}.dayOfWeek`]}
                />
                <TextInput type="time" label={t('routine.staff.windowStart', { n: i + 1 })} value={r.start} onChange={(e) => update(r.key, { start: e.currentTarget.value })} error={errors[`windows.${i}.start`]} required />
                <TextInput type="time" label={t('routine.staff.windowEnd', { n: i + 1 })} value={r.end} onChange={(e) => update(r.key, { end: e.currentTarget.value })} error={errors[`windows.${i}.end`]} required />
                <Button
                  mt={24}
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('routine.staff.removeWindowAria', { n: i + 1 })}
                  onClick={() => {
                    setRows((rs) => rs.filter((x) => x.key !== r.key));
                    setErrors({});
                    // The row and its button go: focus waits on "Tambah jam" rather than falling out of the form.
                    requestAnimationFrame(() => addRef.current?.focus());
                  }}
                >
                  {t('routine.remove')}
                </Button>
              </Group>
            ))}
          </Stack>
          <Group justify="space-between" mt="sm">
            <Button
              ref={addRef}
              variant="light"
              size="xs"
              onClick={() => setRows((rs) => [...rs, { key: nextKey(), day: rs[rs.length - 1]?.day ?? '1', start: '08:00', end: '12:00' }])}
            >
              {t('routine.staff.addWindow')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
            </Group>
          </Group>
        </form>
      )}
    </Paper>
  );
}
