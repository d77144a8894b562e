import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { loginRequest } from '../../../shared/contracts/auth.ts';
import { homePath, useAuth } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { Loading } from '../../components/Loading.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login, sessionExpired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('login.title')} · Pulih`;
  }, [t]);

  if (user === undefined) return <Loading />;
  if (user) return <Navigate to={from ?? homePath(user)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const parsed = validate(loginRequest, { username, password });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      document.getElementById(parsed.errors.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const signedIn = await login(parsed.data.username, parsed.data.password);
      navigate(from && from !== '/login' ? from : homePath(signedIn), { replace: true });
    } catch (err) {
      setServerError(err instanceof Error ? err.message : t('errors.unknown'));
      setPassword('');
      document.getElementById('login-password')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={420} py={48}>
      <Group justify="flex-end" mb="md">
        <LanguageSwitch />
      </Group>
      <Stack gap={4} mb="lg" align="center">
        <Title order={1}>Pulih</Title>
        <Text c="dimmed" ta="center" size="sm">
          {t('login.tagline')}
        </Text>
      </Stack>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="login-heading">
          <Stack>
            <Title order={2} size="h4" id="login-heading">
              {t('login.title')}
            </Title>
            {sessionExpired && !serverError ? (
              <Alert color="yellow" role="status">
                {t('login.sessionExpired')}
              </Alert>
            ) : null}
            {serverError ? (
              <Alert color="red" role="alert" title={t('login.failed')}>
                {serverError}
              </Alert>
            ) : null}
            <TextInput
              id="login-username"
              label={t('login.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={errors.username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
            />
            <PasswordInput
              id="login-password"
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              autoComplete="current-password"
              required
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
