import { useState, type FormEvent } from 'react';
import { Button, Group, List, Modal, NativeSelect, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createUserRequest, updateUserRequest, type UserSummary } from '../../../shared/contracts/admin.ts';
import { passwordProblems, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/auth.ts';
import { LANGUAGES, ROLES } from '../../../shared/contracts/common.ts';
import { ApiError } from '../../app/api.ts';
import { translateKey } from '../../app/i18n.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { adminKeys, createUser, updateUser, type CreateUserRequest, type UpdateUserRequest } from './api.ts';

const FIELDS = ['username', 'fullName', 'role', 'organizationId', 'password', 'language'];

/** Create a user (existing = null) or change an existing user's name and role. */
export function UserFormModal({ existing, opened, onClose }: { existing: UserSummary | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const orgs = useOrganizations();
  const [username, setUsername] = useState(existing?.username ?? '');
  const [fullName, setFullName] = useState(existing?.fullName ?? '');
  const [role, setRole] = useState<string>(existing?.role ?? '');
  const [organizationId, setOrganizationId] = useState<string | null>(existing?.organizationId ?? null);
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<string>(existing?.language ?? 'id');
  const [errors, setErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: (body: { create: true; data: CreateUserRequest } | { create: false; data: UpdateUserRequest }) =>
      body.create ? createUser(body.data) : updateUser(existing!.id, body.data),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      notifications.show({ color: 'teal', message: t('admin.userSaved', { username: user.username }) });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldErrors());
    },
  });

  const problems = existing ? [] : passwordProblems(password, username);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let found: FieldErrors = {};
    if (existing) {
      const parsed = validate(updateUserRequest, { fullName, role });
      if (parsed.ok) {
        setErrors({});
        mutation.mutate({ create: false, data: parsed.data });
        return;
      }
      found = parsed.errors;
    } else {
      const parsed = validate(createUserRequest, { username, fullName, role, organizationId: organizationId ?? '', password, language });
      if (!parsed.ok) found = parsed.errors;
      if (!found.password && problems.length > 0) {
        found.password = translateKey(`validation.${problems[0]}`, { min: PASSWORD_MIN_LENGTH }) ?? t('validation.invalid');
      }
      if (parsed.ok && Object.keys(found).length === 0) {
        setErrors({});
        mutation.mutate({ create: true, data: parsed.data });
        return;
      }
    }
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first) document.getElementById(`user-${first}`)?.focus();
  };

  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }));

  return (
    <Modal opened={opened} onClose={onClose} title={existing ? t('admin.editUser', { username: existing.username }) : t('admin.addUser')} size="lg">
      <ErrorAlert error={mutation.error && !(mutation.error instanceof ApiError && mutation.error.fields.length > 0) ? mutation.error : null} />
      <ErrorAlert error={orgs.error} />
      <form onSubmit={submit} noValidate>
        <Stack>
          {existing ? null : (
            <TextInput
              id="user-username"
              label={t('admin.username')}
              description={t('admin.usernameHelp')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={errors.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              data-autofocus
            />
          )}
          <TextInput
            id="user-fullName"
            label={t('admin.fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={errors.fullName}
            required
          />
          <NativeSelect
            id="user-role"
            label={t('admin.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={[{ value: '', label: t('common.choose') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
            error={errors.role}
            required
          />
          {existing ? null : (
            <>
              <Select
                id="user-organizationId"
                label={t('admin.organization')}
                placeholder={orgs.isPending ? t('common.loading') : t('common.choose')}
                data={orgOptions}
                value={organizationId}
                onChange={setOrganizationId}
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                error={errors.organizationId}
                required
              />
              <PasswordInput
                id="user-password"
                label={t('admin.initialPassword')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
                autoComplete="new-password"
                required
              />
              {password !== '' && problems.length > 0 ? (
                <List size="sm" c="red.8" aria-live="polite">
                  {problems.map((p) => <List.Item key={p}>{translateKey(`validation.${p}`, { min: PASSWORD_MIN_LENGTH })}</List.Item>)}
                </List>
              ) : null}
              <NativeSelect
                id="user-language"
                label={t('admin.language')}
                value={language}
                onChange={(e) => setLanguage(e.currentTarget.value)}
                data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
