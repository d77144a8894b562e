import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SettingsRecord } from '../../../shared/contracts/clinical.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fetchSettings, saveSettings, settingsKeys } from './api.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * National settings: the exchange rate for the ASI money items, the holidays that the 14-working-day
 * standard skips, and how long before its end the dashboard flags a partnership agreement.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: settingsKeys.settings, queryFn: ({ signal }) => fetchSettings(signal) });
  return (
    <>
      <PageTitle title={t('settings.page.title')} subtitle={t('settings.page.subtitle')} />
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      {settings.isPending ? <Loading /> : settings.data ? <SettingsForm key={JSON.stringify(settings.data)} initial={settings.data} /> : null}
    </>
  );
}

function parseRate(text: string): number {
  // Accept "16.250" (Indonesian thousands) and "16250.5" / "16250,5".
  const s = text.trim().replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+([.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return Number.NaN;
}

/** A whole number of days from 1 to 365, as the server accepts; null otherwise. */
function parseAlertDays(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 365 ? n : null;
}

function SettingsForm({ initial }: { initial: SettingsRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rate, setRate] = useState(String(initial.rupiahPerUsd));
  const [holidays, setHolidays] = useState<string[]>(() => [...initial.holidays].sort());
  const [newDate, setNewDate] = useState('');
  const [alertDays, setAlertDays] = useState(String(initial.agreementExpiryAlertDays));
  const [errors, setErrors] = useState<{ rate?: string; date?: string; alertDays?: string }>({});

  const save = useMutation({
    mutationFn: (body: SettingsRecord) => saveSettings(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.settings, saved);
      notifications.show({ color: 'teal', message: t('settings.page.saved') });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) {
        const f = err.fieldErrors();
        setErrors({ rate: f.rupiahPerUsd, date: f.holidays, alertDays: f.agreementExpiryAlertDays });
      }
    },
  });

  const addDate = () => {
    if (!ISO_DATE.test(newDate)) {
      setErrors((e) => ({ ...e, date: t('validation.invalidDate') }));
      document.getElementById('settings-new-holiday')?.focus();
      return;
    }
    if (holidays.includes(newDate)) {
      setErrors((e) => ({ ...e, date: t('settings.page.duplicate') }));
      return;
    }
    setHolidays((h) => [...h, newDate].sort());
    setNewDate('');
    setErrors((e) => ({ ...e, date: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = parseRate(rate);
    if (!(n > 0) || n > 1_000_000) {
      setErrors((x) => ({ ...x, rate: t('settings.page.rateInvalid') }));
      document.getElementById('settings-rate')?.focus();
      return;
    }
    const days = parseAlertDays(alertDays);
    if (days === null) {
      setErrors((x) => ({ ...x, alertDays: t('settings.page.alertDaysInvalid') }));
      document.getElementById('settings-alert-days')?.focus();
      return;
    }
    setErrors({});
    save.mutate({ rupiahPerUsd: n, holidays, agreementExpiryAlertDays: days });
  };

  const byYear = new Map<string, string[]>();
  for (const d of holidays) byYear.set(d.slice(0, 4), [...(byYear.get(d.slice(0, 4)) ?? []), d]);
  const changed = parseRate(rate) !== initial.rupiahPerUsd || JSON.stringify(holidays) !== JSON.stringify([...initial.holidays].sort())
    || parseAlertDays(alertDays) !== initial.agreementExpiryAlertDays;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert error={save.error} />
        <Paper withBorder p="md" component="section" aria-labelledby="rate-heading">
          <Title order={2} size="h4" id="rate-heading" mb="sm">{t('settings.page.rateTitle')}</Title>
          <TextInput
            id="settings-rate"
            label={t('settings.page.rate')}
            description={t('settings.page.rateHelp', { current: formatNumber(initial.rupiahPerUsd, Number.isInteger(initial.rupiahPerUsd) ? 0 : 2) })}
            inputMode="decimal"
            leftSection={<span aria-hidden="true">Rp</span>}
            value={rate}
            onChange={(e) => { setRate(e.currentTarget.value); if (errors.rate) setErrors((x) => ({ ...x, rate: undefined })); }}
            error={errors.rate}
            required
            maw={320}
          />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="holidays-heading">
          <Title order={2} size="h4" id="holidays-heading" mb={4}>{t('settings.page.holidaysTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('settings.page.holidaysHelp')}</Text>
          <Group align="flex-end" gap="sm" mb="md">
            <TextInput
              id="settings-new-holiday"
              type="date"
              label={t('settings.page.newHoliday')}
              value={newDate}
              onChange={(e) => { setNewDate(e.currentTarget.value); if (errors.date) setErrors((x) => ({ ...x, date: undefined })); }}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addDate(); } }}
              error={errors.date}
            />
            <Button variant="light" onClick={addDate}>{t('settings.page.addHoliday')}</Button>
          </Group>
          {holidays.length === 0 ? (
            <Text size="sm" c="dimmed">{t('settings.page.noHolidays')}</Text>
          ) : (
            <Stack gap="sm">
              {[...byYear.entries()].map(([year, dates]) => (
                <div key={year}>
                  <Title order={3} size="h6" id={`holidays-${year}`}>{t('settings.page.year', { year, count: dates.length })}</Title>
                  <List listStyleType="none" spacing={2} aria-labelledby={`holidays-${year}`}>
                    {dates.map((d) => (
                      <List.Item key={d}>
                        <Group gap="xs">
                          <Text size="sm" w={140}>{formatDate(d)}</Text>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('settings.page.removeHoliday', { date: formatDate(d) })}
                            onClick={() => setHolidays((h) => h.filter((x) => x !== d))}
                          >
                            {t('settings.page.remove')}
                          </Button>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                </div>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="alert-days-heading">
          <Title order={2} size="h4" id="alert-days-heading" mb="sm">{t('settings.page.alertTitle')}</Title>
          <TextInput
            id="settings-alert-days"
            label={t('settings.page.alertDays')}
            description={t('settings.page.alertDaysHelp', { current: formatNumber(initial.agreementExpiryAlertDays) })}
            inputMode="numeric"
            value={alertDays}
            onChange={(e) => { setAlertDays(e.currentTarget.value); if (errors.alertDays) setErrors((x) => ({ ...x, alertDays: undefined })); }}
            error={errors.alertDays}
            required
            maw={320}
          />
        </Paper>
        {changed ? <Alert color="yellow">{t('settings.page.unsaved')}</Alert> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>{t('settings.page.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
