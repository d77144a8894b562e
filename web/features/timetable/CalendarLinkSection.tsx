import { useRef, useState } from 'react';
import { Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { createCalendarLink, fetchCalendarLink, removeCalendarLink, timetableKeys, type CalendarLink } from './api.ts';

/** The secret address of the signed-in user's sessions as a calendar feed (iCal), to subscribe to on a phone. */
export function CalendarLinkSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const link = useQuery({ queryKey: timetableKeys.calendar, queryFn: ({ signal }) => fetchCalendarLink(signal) });
  // The server keeps only a hash: the address is known once, in the answer that made it.
  const [fresh, setFresh] = useState<CalendarLink | null>(null);
  const create = useMutation({
    mutationFn: createCalendarLink,
    onSuccess: (created) => {
      setFresh(created);
      queryClient.setQueryData<CalendarLink | null>(timetableKeys.calendar, created);
      notifications.show({ color: 'teal', message: t(link.data ? 'timetable.calendar.replaced' : 'timetable.calendar.created') });
    },
  });
  const remove = useMutation({
    mutationFn: removeCalendarLink,
    onSuccess: () => {
      setFresh(null);
      queryClient.setQueryData<CalendarLink | null>(timetableKeys.calendar, null);
      notifications.show({ color: 'teal', message: t('timetable.calendar.removed') });
    },
  });

  const url = link.data?.url ?? (fresh && link.data && fresh.createdAt === link.data.createdAt ? fresh.url : null);

  return (
    <Paper withBorder p="md" mt="xl" className="no-print" component="section" aria-labelledby="calendar-link">
      <Title order={2} size="h4" id="calendar-link" mb="xs">{t('timetable.calendar.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('timetable.calendar.help')}</Text>
      <ErrorAlert error={link.error} onRetry={() => void link.refetch()} />
      <ErrorAlert error={create.error} />
      <ErrorAlert error={remove.error} />
      {link.isPending ? (
        <Loading />
      ) : link.data ? (
        <>
          {url ? (
            <>
              <FeedAddress url={new URL(url, window.location.origin).href} />
              <Text size="sm" c="orange.9" mt={4}>{t('timetable.calendar.onlyOnce')}</Text>
            </>
          ) : (
            <Text size="sm">{t('timetable.calendar.active', { date: formatDateTime(link.data.createdAt) })}</Text>
          )}
          {url ? <Text size="xs" c="dimmed" mt={4}>{t('timetable.calendar.createdAt', { date: formatDateTime(link.data.createdAt) })}</Text> : null}
          <Group gap="xs" mt="sm">
            <ConfirmButton
              variant="default"
              danger={false}
              title={t('timetable.calendar.replaceTitle')}
              message={t('timetable.calendar.replaceConfirm')}
              confirmLabel={t('timetable.calendar.replaceYes')}
              onConfirm={() => create.mutateAsync()}
            >
              {t('timetable.calendar.replace')}
            </ConfirmButton>
            <ConfirmButton
              variant="subtle"
              color="red"
              title={t('timetable.calendar.removeTitle')}
              message={t('timetable.calendar.removeConfirm')}
              confirmLabel={t('timetable.calendar.removeYes')}
              onConfirm={() => remove.mutateAsync()}
            >
              {t('timetable.calendar.remove')}
            </ConfirmButton>
          </Group>
        </>
      ) : link.data === null ? (
        <>
          <Text size="sm" mb="sm">{t('timetable.calendar.none')}</Text>
          <Button onClick={() => create.mutate()} loading={create.isPending}>{t('timetable.calendar.create')}</Button>
        </>
      ) : null}
    </Paper>
  );
}

function FeedAddress({ url }: { url: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard on plain http away from localhost: select the text so Ctrl+C copies it.
      input.current?.focus();
      input.current?.select();
      notifications.show({ color: 'yellow', message: t('timetable.calendar.copyManual') });
      return;
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        ref={input}
        label={t('timetable.calendar.address')}
        value={url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: 1 }}
        ff="monospace"
      />
      <Button variant="light" onClick={() => void copy()} aria-live="polite">
        {copied ? t('timetable.calendar.copied') : t('timetable.calendar.copy')}
      </Button>
    </Group>
  );
}
