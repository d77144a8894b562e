import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { hashKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime, formatNumber, todayIso } from '../../app/format.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { fetchWeek, generateWeek, timetableKeys, type TimetableSession, type TimetableWeek } from './api.ts';
import { addDays, formatDayDate, formatWeek, isIsoDate, mondayOf, sessionLabel, timeText, unplacedText, weekDates } from './labels.ts';
import { MoveSessionModal } from './MoveSessionModal.tsx';
import { SessionGroupText } from './SessionParts.tsx';
import { useChosenFacility } from '../../app/facility.ts';
import { FacilitySelect } from '../../components/FacilitySelect.tsx';

/** The week's programme sessions for one unit: made by the scheduler, moved by hand, attended. */
export function TimetablePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const { facility, several, search, setParam, choose } = useChosenFacility('timetable.read');
  const facilityId = facility?.id ?? '';
  const canManage = can('timetable.manage', facilityId);
  const weekParam = search.get('week');
  const week = mondayOf(isIsoDate(weekParam) ? weekParam : todayIso());
  const thisWeek = mondayOf(todayIso());

  const timetable = useQuery({
    queryKey: timetableKeys.week(facilityId, week),
    queryFn: ({ signal }) => fetchWeek(facilityId, week, signal),
    enabled: facility !== null,
  });
  const generate = useMutation({
    mutationFn: () => generateWeek(facilityId, week),
    onSuccess: (result) => {
      const weekKey = timetableKeys.week(facilityId, week);
      queryClient.setQueryData(weekKey, result);
      // The day lists and sessions change with the week; the week itself is the answer, not worth fetching again.
      void queryClient.invalidateQueries({ queryKey: timetableKeys.all, predicate: (q) => q.queryHash !== hashKey(weekKey) });
      notifications.show({
        color: 'teal',
        message: t('timetable.generated', { placed: formatNumber(result.placed), required: formatNumber(result.required), week: formatWeek(week) }),
      });
    },
  });

  if (!facility) {
    return (
      <>
        <PageTitle title={t('timetable.title')} />
        <EmptyState title={t('timetable.noFacilityTitle')} description={t('timetable.noFacilityHelp')} />
      </>
    );
  }

  const data = timetable.data;
  let body: ReactNode = null;
  if (timetable.isPending) body = <Loading />;
  else if (data === null) {
    body = (
      <EmptyState
        title={t('timetable.notGeneratedTitle')}
        description={canManage ? t('timetable.notGeneratedManage') : t('timetable.notGeneratedRead')}
        action={canManage ? <Button onClick={() => generate.mutate()} loading={generate.isPending}>{t('timetable.generate')}</Button> : null}
      />
    );
  } else if (data) {
    body = (
      <WeekView
        key={`${data.id}-${data.generatedAt}`}
        facilityId={facility.id}
        data={data}
        canManage={canManage}
        regenerate={canManage && data.sessions.some((s) => s.attendanceRecorded) ? (
          <Text size="sm" c="dimmed" maw={320}>{t('timetable.regenerateLocked')}</Text>
        ) : canManage ? (
          <ConfirmButton
            variant="default"
            danger
            loading={generate.isPending}
            title={t('timetable.regenerateTitle')}
            message={t('timetable.regenerateConfirm', { week: formatWeek(week) })}
            confirmLabel={t('timetable.regenerateYes')}
            onConfirm={() => generate.mutateAsync()}
          >
            {t('timetable.regenerate')}
          </ConfirmButton>
        ) : null}
      />
    );
  }

  return (
    <>
      <PageTitle
        title={t('timetable.title')}
        subtitle={several ? t('timetable.subtitle', { week: formatWeek(week) }) : `${facility.name} · ${t('timetable.subtitle', { week: formatWeek(week) })}`}
        actions={data ? <Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button> : null}
      />
      <Text className="print-only" size="sm" mb="sm">
        {t('timetable.printHeading', { unit: facility.name, week: formatWeek(week), date: formatDateTime(new Date().toISOString()) })}
      </Text>
      <Paper withBorder p="sm" mb="md" className="no-print">
        <Group align="flex-end" gap="sm" wrap="wrap">
          {several ? (
            <FacilitySelect permission="timetable.read" label={t('timetable.unit')} value={facility.id} onChoose={choose} miw={240} />
          ) : null}
          <TextInput
            type="date"
            label={t('timetable.weekOf')}
            description={t('timetable.weekOfHelp')}
            value={week}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isIsoDate(v)) setParam('week', mondayOf(v));
            }}
          />
          <Group gap="xs" role="group" aria-label={t('timetable.weekNav')}>
            <Button variant="default" onClick={() => setParam('week', addDays(week, -7))}>{t('timetable.previousWeek')}</Button>
            <Button variant="default" onClick={() => setParam('week', thisWeek)} disabled={week === thisWeek}>{t('timetable.thisWeek')}</Button>
            <Button variant="default" onClick={() => setParam('week', addDays(week, 7))}>{t('timetable.nextWeek')}</Button>
          </Group>
        </Group>
      </Paper>
      <DayListLinks facilityId={facility.id} week={week} />
      <ErrorAlert error={timetable.error} onRetry={() => void timetable.refetch()} />
      <ErrorAlert error={generate.error} title={t('timetable.generateFailed')} />
      {body}
    </>
  );
}

/** Where to open the custody officers' list and a staff member's day list for one date of the week. */
function DayListLinks({ facilityId, week }: { facilityId: string; week: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const dates = weekDates(week);
  const today = todayIso();
  const [chosen, setChosen] = useState<string | null>(null);
  const date = chosen !== null && dates.includes(chosen) ? chosen : dates.includes(today) ? today : week;
  const query = `upt=${encodeURIComponent(facilityId)}&date=${date}`;
  return (
    <Paper withBorder p="sm" mb="md" className="no-print" component="section" aria-labelledby="timetable-day-lists">
      <Title order={2} size="h5" id="timetable-day-lists" mb="xs">{t('timetable.dayLists')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('timetable.dayListDate')}
          value={date}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={dates.map((d) => ({ value: d, label: formatDayDate(d) }))}
        />
        {can('timetable.custody', facilityId) ? (
          <Button component={Link} to={`/jadwal/pengamanan?${query}`} variant="light">{t('timetable.custodyLink')}</Button>
        ) : null}
        <Button component={Link} to={`/jadwal/harian?${query}`} variant="light">{t('timetable.staffDayLink')}</Button>
      </Group>
    </Paper>
  );
}

function WeekView({ facilityId, data, canManage, regenerate }: { facilityId: string; data: TimetableWeek; canManage: boolean; regenerate: ReactNode }) {
  const { t } = useTranslation();
  const movingDialog = useDialog<string>();
  const moving = data.sessions.find((s) => s.id === movingDialog.subject) ?? null;
  const days = weekDates(data.weekStart)
    .map((date) => ({ date, sessions: data.sessions.filter((s) => s.date === date).sort(bySessionTime) }))
    .filter((d) => d.sessions.length > 0);
  const complete = data.placed >= data.required;

  return (
    <>
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="timetable-summary">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Title order={2} size="h4" id="timetable-summary">{t('timetable.summaryTitle')}</Title>
            <Group gap="xs">
              <Text fw={700} size="lg">
                {t('timetable.summary', { placed: formatNumber(data.placed), required: formatNumber(data.required) })}
              </Text>
              {data.required > 0 ? (
                <Badge color={complete ? 'teal.8' : 'orange.9'} variant="filled" tt="none">
                  {complete ? t('timetable.complete') : t('timetable.incomplete', { count: data.required - data.placed })}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed">
              {data.generatedBy
                ? t('timetable.generatedAtBy', { date: formatDateTime(data.generatedAt), name: data.generatedBy })
                : t('timetable.generatedAt', { date: formatDateTime(data.generatedAt) })}
            </Text>
          </Stack>
          <Group className="no-print">{regenerate}</Group>
        </Group>
      </Paper>

      {days.length === 0 ? (
        <EmptyState title={t('timetable.noSessionsTitle')} description={t('timetable.noSessionsHelp')} />
      ) : (
        days.map((d) => (
          <section key={d.date} aria-labelledby={`timetable-day-${d.date}`}>
            <Title order={2} size="h4" id={`timetable-day-${d.date}`} mt="lg" mb="xs">
              {formatDayDate(d.date)}
              <Text span size="sm" c="dimmed" fw={400}> · {t('timetable.sessionCount', { count: d.sessions.length })}</Text>
            </Title>
            <Table.ScrollContainer minWidth={900}>
              <Table striped fz="sm" verticalSpacing="xs" layout="fixed" aria-labelledby={`timetable-day-${d.date}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w={110}>{t('timetable.time')}</Table.Th>
                    <Table.Th scope="col">{t('timetable.session')}</Table.Th>
                    <Table.Th scope="col" w="16%">{t('timetable.group')}</Table.Th>
                    <Table.Th scope="col" w="12%">{t('timetable.room')}</Table.Th>
                    <Table.Th scope="col" w="14%">{t('timetable.staff')}</Table.Th>
                    <Table.Th scope="col" w={120}>{t('timetable.members')}</Table.Th>
                    <Table.Th scope="col" w={230} className="no-print">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.sessions.map((s) => (
                    <SessionRow
                      key={s.id}
                      session={s}
                      canManage={canManage}
                      onMove={(el) => movingDialog.open(s.id, el)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
        ))
      )}

      <UnplacedSection data={data} />

      {moving ? <MoveSessionModal key={moving.id} facilityId={facilityId} week={data} session={moving} onClose={movingDialog.close} /> : null}
    </>
  );
}

function bySessionTime(a: TimetableSession, b: TimetableSession): number {
  return a.start.localeCompare(b.start) || a.roomName.localeCompare(b.roomName, 'id') || a.programmeName.localeCompare(b.programmeName, 'id');
}

function SessionRow({ session: s, canManage, onMove }: { session: TimetableSession; canManage: boolean; onMove: (el: HTMLElement) => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const label = sessionLabel(s);
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>{timeText(s.start, s.end)}</Table.Th>
      <Table.Td>
        <Text size="sm" fw={600}>{s.programmeName}</Text>
        <Text size="sm">{s.sessionName}</Text>
        <Group gap={4} mt={2}>
          {s.moved ? <Badge color="blue.8" variant="filled" tt="none" size="sm">{t('timetable.moved')}</Badge> : null}
          {s.attendanceRecorded ? <Badge color="teal.8" variant="filled" tt="none" size="sm">{t('timetable.attendanceRecorded')}</Badge> : null}
        </Group>
      </Table.Td>
      <Table.Td><SessionGroupText session={s} /></Table.Td>
      <Table.Td>{s.roomName}</Table.Td>
      <Table.Td>{s.staffName}</Table.Td>
      <Table.Td>
        {s.members.length <= 1 ? (
          t('timetable.memberCount', { count: s.members.length, formatted: formatNumber(s.members.length) })
        ) : (
          <details>
            <summary>{t('timetable.memberCount', { count: s.members.length, formatted: formatNumber(s.members.length) })}</summary>
            <List size="sm" mt={4}>
              {s.members.map((m) => <List.Item key={m.wbpId}>{m.fullName} · {m.sdpNumber}</List.Item>)}
            </List>
          </details>
        )}
      </Table.Td>
      <Table.Td className="no-print">
        <Group gap={6}>
          {canManage && !s.attendanceRecorded ? (
            <Button size="xs" variant="default" aria-label={t('timetable.moveAria', { label })} onClick={(e) => onMove(e.currentTarget)}>
              {t('timetable.move')}
            </Button>
          ) : null}
          <Button size="xs" variant="light" component={Link} to={`/jadwal/sesi/${s.id}/kehadiran`} state={{ back: location.pathname + location.search }} aria-label={t('timetable.attendanceAria', { label })}>
            {t('timetable.attendance')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Unplaced sessions with the same people and the same reason, shown once with their meeting numbers. */
function groupUnplaced(list: TimetableWeek['unplaced']) {
  const groups = new Map<string, { first: TimetableWeek['unplaced'][number]; text: string; occurrences: number[] }>();
  for (const u of list) {
    const text = unplacedText(u);
    const key = [u.programmeName, u.sessionName, u.groupLabel ?? '', u.members.map((m) => m.wbpId).join(','), u.stage, text].join('|');
    const g = groups.get(key);
    if (g) g.occurrences.push(u.occurrence);
    else groups.set(key, { first: u, text, occurrences: [u.occurrence] });
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g, occurrences: g.occurrences.sort((a, b) => a - b) }));
}

function UnplacedSection({ data }: { data: TimetableWeek }) {
  const { t } = useTranslation();
  if (data.unplaced.length === 0) return null;
  const groups = groupUnplaced(data.unplaced);
  return (
    <section aria-labelledby="timetable-unplaced">
      <Title order={2} size="h4" id="timetable-unplaced" mt="xl" mb="xs">
        {t('timetable.unplacedTitle', { count: data.unplaced.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">{t('timetable.unplacedHelp')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {groups.map(({ key, first: u, text, occurrences }) => (
          <Paper key={key} withBorder p="sm">
            <Text size="sm" fw={600}>{u.programmeName} · {u.sessionName}</Text>
            <Text size="sm" c="dimmed">
              {[
                u.groupLabel ?? (u.members.length === 1 ? u.members[0]!.fullName : t('timetable.memberCount', { count: u.members.length, formatted: formatNumber(u.members.length) })),
                t('timetable.occurrences', { count: occurrences.length, list: occurrences.join(', ') }),
                u.stage === 'grouping' ? t('timetable.stage.grouping') : t('timetable.stage.placement'),
              ].join(' · ')}
            </Text>
            <Text size="sm" mt={4}>{text}</Text>
            {u.members.length > 1 ? (
              <details>
                <summary><Text span size="sm">{t('timetable.showMembers')}</Text></summary>
                <Text size="sm">{u.members.map((m) => m.fullName).join(', ')}</Text>
              </details>
            ) : null}
          </Paper>
        ))}
      </SimpleGrid>
      <Anchor component={Link} to="/rutinitas" size="sm" className="no-print" mt="sm" display="inline-block">{t('timetable.toRoutine')}</Anchor>
    </section>
  );
}
