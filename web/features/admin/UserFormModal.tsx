import type { FormEvent } from 'react';
import { Button, Group, List, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createUserRequest, updateUserRequest, type UserSummary } from '../../../shared/contracts/admin.ts';
import { passwordProblems, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/auth.ts';
import { LANGUAGES, ROLES } from '../../../shared/contracts/common.ts';
import { ApiError } from '../../app/api.ts';
import { translateKey } from '../../app/i18n.ts';
import { validate, type FieldErrors } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { OrganizationSelect } from '../../components/OrganizationSelect.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { adminKeys, createUser, updateUser, type CreateUserRequest, type UpdateUserRequest } from './api.ts';

interface UserValues {
  username: string;
  fullName: string;
  role: string;
  organizationId: string | null;
  password: string;
  language: string;
}

/** Create a user (existing = null) or change an existing user's name and role. */
export function UserFormModal({ existing, opened, onClose }: { existing: UserSummary | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, errors, show, bind } = useFormFields<UserValues>(
    () => ({
      username: existing?.username ?? '',
      fullName: existing?.fullName ?? '',
      role: existing?.role ?? '',
      organizationId: existing?.organizationId ?? null,
      password: '',
      language: existing?.language ?? 'id',
    }),
    'user',
    ['username', 'fullName', 'role', 'organizationId', 'password', 'language'],
  );
  const { username, fullName, role, password } = values;

  const mutation = useMutation({
    mutationFn: (body: { create: true; data: CreateUserRequest } | { create: false; data: UpdateUserRequest }) =>
      body.create ? createUser(body.data) : updateUser(existing!.id, body.data),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      notifications.show({ color: 'teal', message: t('admin.userSaved', { username: user.username }) });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const problems = existing ? [] : passwordProblems(password, username);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (existing) {
      const parsed = validate(updateUserRequest, { fullName, role });
      if (!parsed.ok) return show(parsed.errors);
      show({});
      mutation.mutate({ create: false, data: parsed.data });
      return;
    }
    const parsed = validate(createUserRequest, { ...values, organizationId: values.organizationId ?? '' });
    const found: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (!found.password && problems.length > 0) {
      found.password = translateKey(`validation.${problems[0]}`, { min: PASSWORD_MIN_LENGTH }) ?? t('validation.invalid');
    }
    show(found);
    if (parsed.ok && Object.keys(found).length === 0) mutation.mutate({ create: true, data: parsed.data });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={existing ? t('admin.editUser', { username: existing.username }) : t('admin.addUser')} size="lg">
      <FormErrorAlert error={mutation.error} />
      <form onSubmit={submit} noValidate>
        <Stack>
          {existing ? null : (
            <TextInput
              {...bind('username')}
              label={t('admin.username')}
              description={t('admin.usernameHelp')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              data-autofocus
            />
          )}
          <TextInput {...bind('fullName')} label={t('admin.fullName')} required />
          <NativeSelect
            {...bind('role')}
            label={t('admin.role')}
            data={[{ value: '', label: t('common.choose') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
            required
          />
          {existing ? null : (
            <>
              <OrganizationSelect
                id="user-organizationId"
                label={t('admin.organization')}
                value={values.organizationId}
                onChange={(v) => set('organizationId', v)}
                error={errors.organizationId}
                required
              />
              <PasswordInput {...bind('password')} label={t('admin.initialPassword')} autoComplete="new-password" required />
              {password !== '' && problems.length > 0 ? (
                <List size="sm" c="red.8" aria-live="polite">
                  {problems.map((p) => <List.Item key={p}>{translateKey(`validation.${p}`, { min: PASSWORD_MIN_LENGTH })}</List.Item>)}
                </List>
              ) : null}
              <NativeSelect
                {...bind('language')}
                label={t('admin.language')}
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
