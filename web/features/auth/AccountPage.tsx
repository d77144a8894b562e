import { Fragment, type FormEvent } from 'react';
import { Button, List, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/contracts/common.ts';
import { changePasswordRequest, passwordProblems, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/auth.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { translateKey } from '../../app/i18n.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { changePassword } from './api.ts';

const ALL_PROBLEMS = ['password.tooShort', 'password.needsLetterAndDigit', 'password.containsUsername', 'password.tooCommon'];
const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { changeLanguage } = useAuth();
  const { values, setValues, show, bind } = useFormFields(EMPTY, 'account', ['currentPassword', 'newPassword', 'repeat']);
  const { currentPassword, newPassword, repeat } = values;

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setValues(EMPTY);
      notifications.show({ color: 'teal', message: t('account.passwordChanged') });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const problems = passwordProblems(newPassword, user.username);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const parsed = validate(changePasswordRequest, { currentPassword, newPassword });
    if (!parsed.ok) Object.assign(found, parsed.errors);
    if (!found.newPassword && problems.length > 0) found.newPassword = translateKey(`validation.${problems[0]}`, { min: PASSWORD_MIN_LENGTH }) ?? t('validation.invalid');
    if (newPassword !== repeat) found.repeat = t('account.repeatMismatch');
    show(found);
    if (Object.keys(found).length === 0) mutation.mutate({ currentPassword, newPassword });
  };

  return (
    <>
      <PageTitle title={t('account.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('account.profile')}
            </Title>
            <dl className="facts">
              <dt>{t('account.fullName')}</dt>
              <dd>{user.fullName}</dd>
              <dt>{t('account.username')}</dt>
              <dd>{user.username}</dd>
              <dt>{t('account.role')}</dt>
              <dd>{t(`roles.${user.role}`)}</dd>
              <dt>{t('account.organization')}</dt>
              <dd>{user.organization.name}</dd>
              {user.facilities.length > 0 ? (
                <>
                  <dt>{t('account.facilities')}</dt>
                  <dd>{user.facilities.map((f) => f.name).join(', ')}</dd>
                </>
              ) : null}
            </dl>
          </Paper>
          <AgreementCoverage />
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('account.language')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('account.languageHelp')}
            </Text>
            <NativeSelect
              label={t('account.languageSelect')}
              value={i18n.language}
              onChange={(e) => {
                const lng = e.currentTarget.value === 'en' ? 'en' : 'id';
                changeLanguage(lng).catch(() => notifications.show({ color: 'yellow', message: t('language.notSaved') }));
              }}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              maw={260}
            />
          </Paper>
        </Stack>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm" id="password-heading">
            {t('account.changePassword')}
          </Title>
          <form onSubmit={submit} noValidate aria-labelledby="password-heading">
            <Stack>
              {/* Lets password managers know whose password this is. */}
              <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
              <FormErrorAlert error={mutation.error} />
              <PasswordInput {...bind('currentPassword')} label={t('account.currentPassword')} autoComplete="current-password" required />
              <PasswordInput {...bind('newPassword')} label={t('account.newPassword')} autoComplete="new-password" required />
              <div id="password-rules" aria-live="polite">
                <Text size="sm" mb={4}>
                  {t('account.rules')}
                </Text>
                <List size="sm" spacing={2}>
                  {ALL_PROBLEMS.map((key) => {
                    const failing = newPassword !== '' && problems.includes(key);
                    const ok = newPassword !== '' && !failing;
                    return (
                      <List.Item key={key} c={failing ? 'red.8' : ok ? 'teal.8' : undefined}>
                        {ok ? '✓ ' : failing ? '✗ ' : '• '}
                        {translateKey(`validation.${key}`, { min: PASSWORD_MIN_LENGTH })}
                      </List.Item>
                    );
                  })}
                </List>
              </div>
              <PasswordInput {...bind('repeat')} label={t('account.repeatPassword')} autoComplete="new-password" required />
              <Button type="submit" loading={mutation.isPending}>
                {t('account.submitPassword')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </SimpleGrid>
    </>
  );
}

/**
 * For partner staff: what the agreements in force with each unit cover, so a missing unit or an
 * action that is absent in one unit has its reason on screen.
 */
function AgreementCoverage() {
  const { t } = useTranslation();
  const user = useUser();
  const covered = user.facilities.filter((f) => f.scopes !== null);
  if (covered.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="coverage-heading">
      <Title order={2} size="h4" mb="xs" id="coverage-heading">{t('agreements.coverage.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('agreements.coverage.help')}</Text>
      <dl className="facts">
        {covered.map((f) => (
          <Fragment key={f.id}>
            <dt>{f.name}</dt>
            <dd>{f.scopes && f.scopes.length > 0 ? f.scopes.map((s) => t(`agreements.scope.${s}`)).join(', ') : t('agreements.coverage.none')}</dd>
          </Fragment>
        ))}
      </dl>
    </Paper>
  );
}
