import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import {
  checkMove, conflictsOf, moveSession, timetableKeys, type CheckMoveBody, type ConflictRecord, type TimetableSession, type TimetableWeek,
} from './api.ts';
import { clock, conflictText, formatDayDate, sessionLabel, timeText, weekDates } from './labels.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Moves one session by hand: each change is checked against the week (debounced) and the
 * conflicts are listed in words; saving is possible only without conflicts.
 */
export function MoveSessionModal({ facilityId, week, session, onClose }: { facilityId: string; week: TimetableWeek; session: TimetableSession; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(session.date);
  const [start, setStart] = useState(session.start);
  const [roomId, setRoomId] = useState(session.roomId);
  const [staffId, setStaffId] = useState(session.staffId);
  const dates = weekDates(week.weekStart);

  const body: CheckMoveBody = { date, start, roomId, staffId };
  const valid = dates.includes(date) && TIME.test(start) && roomId !== '' && staffId !== '';
  const unchanged = date === session.date && start === session.start && roomId === session.roomId && staffId === session.staffId;
  const bodyKey = JSON.stringify(body);
  const [debouncedKey] = useDebouncedValue(bodyKey, 250);
  const settled = debouncedKey === bodyKey;

  const check = useQuery({
    queryKey: timetableKeys.check(session.id, body),
    queryFn: ({ signal }) => checkMove(session.id, body, signal),
    enabled: valid && settled,
    staleTime: 0,
    gcTime: 30_000,
    retry: false,
  });

  const move = useMutation({
    mutationFn: () => moveSession(session.id, { ...body, version: session.version }),
    onSuccess: (moved) => {
      notifications.show({
        color: 'teal',
        message: t('timetable.moveDone', { session: moved.sessionName, day: formatDayDate(moved.date), time: timeText(moved.start, moved.end), room: moved.roomName }),
      });
      void queryClient.invalidateQueries({ queryKey: timetableKeys.all });
      onClose();
    },
    onError: (err) => {
      // A stale version or a conflict that appeared meanwhile: show the week as it is now.
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: timetableKeys.week(facilityId, week.weekStart) });
    },
  });

  const change = (set: (v: string) => void) => (v: string) => {
    set(v);
    if (move.error) move.reset();
  };

  const refused = conflictsOf(move.error);
  const checkFields = check.error instanceof ApiError ? check.error.fieldErrors() : {};
  const checking = valid && (!settled || check.isFetching);
  const conflicts: ConflictRecord[] = refused.length > 0 ? refused : check.data && settled && !check.isFetching ? check.data.conflicts : [];
  const canSave = valid && !unchanged && !checking && !check.error && check.data !== undefined && conflicts.length === 0 && !move.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canSave) move.mutate();
  };

  const room = week.rooms.find((r) => r.id === roomId);
  const roomOptions = week.rooms.some((r) => r.id === session.roomId) ? week.rooms : [...week.rooms, { id: session.roomId, name: session.roomName, capacity: 0 }];
  const staffOptions = week.staff.some((s) => s.id === session.staffId) ? week.staff : [...week.staff, { id: session.staffId, name: session.staffName }];

  return (
    <Modal opened onClose={onClose} title={t('timetable.moveTitle', { label: sessionLabel(session) })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Text size="sm" mb="sm">
        {t('timetable.moveCurrent', {
          programme: session.programmeName,
          day: formatDayDate(session.date),
          time: timeText(session.start, session.end),
          room: session.roomName,
          staff: session.staffName,
          count: session.members.length,
        })}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('timetable.moveFormLabel')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('timetable.moveDate')}
              value={date}
              onChange={(e) => change(setDate)(e.currentTarget.value)}
              data={dates.map((d) => ({ value: d, label: formatDayDate(d) }))}
              error={checkFields.date}
              required
              data-autofocus
            />
            <TextInput
              type="time"
              label={t('timetable.moveStart')}
              description={check.data && settled && valid ? t('timetable.moveEnds', { end: clock(check.data.end) }) : t('timetable.moveStartHelp')}
              value={start}
              onChange={(e) => change(setStart)(e.currentTarget.value)}
              error={start !== '' && !TIME.test(start) ? t('validation.routine.timeFormat') : checkFields.start}
              required
            />
            <NativeSelect
              label={t('timetable.room')}
              value={roomId}
              onChange={(e) => change(setRoomId)(e.currentTarget.value)}
              data={roomOptions.map((r) => ({
                value: r.id,
                label: r.capacity > 0 ? t('timetable.roomOption', { name: r.name, count: r.capacity, formatted: formatNumber(r.capacity) }) : r.name,
              }))}
              required
            />
            <NativeSelect
              label={t('timetable.staff')}
              value={staffId}
              onChange={(e) => change(setStaffId)(e.currentTarget.value)}
              data={staffOptions.map((s) => ({ value: s.id, label: s.name }))}
              required
            />
          </SimpleGrid>
          {room && room.capacity < session.members.length ? (
            <Text size="sm" c="orange.9">{t('timetable.roomSmall', { count: session.members.length, capacity: room.capacity })}</Text>
          ) : null}

          <div aria-live="polite" aria-atomic="true">
            {!valid ? null : checking ? (
              <Text size="sm" c="dimmed" role="status">{t('timetable.checking')}</Text>
            ) : conflicts.length > 0 ? (
              <Alert color="red" variant="light" title={t('timetable.conflictsTitle', { count: conflicts.length })} data-testid="move-conflicts">
                <List size="sm" spacing={4}>
                  {conflicts.map((c, i) => <List.Item key={`${c.kind}-${i}`}>{conflictText(c)}</List.Item>)}
                </List>
              </Alert>
            ) : check.data ? (
              <Text size="sm" c="teal.9" role="status">
                {unchanged ? t('timetable.noConflictsHere') : t('timetable.noConflicts', { end: clock(check.data.end) })}
              </Text>
            ) : null}
          </div>
          <ErrorAlert error={check.error && Object.keys(checkFields).length === 0 ? check.error : null} title={t('timetable.checkFailed')} />
          <ErrorAlert error={move.error && refused.length === 0 ? move.error : null} title={t('timetable.moveFailed')} />
          {move.error instanceof ApiError && move.error.status === 409 && refused.length > 0 ? (
            <Text size="sm" c="red.9">{move.error.message}</Text>
          ) : null}

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" disabled={!canSave} loading={move.isPending}>{t('timetable.moveSave')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
