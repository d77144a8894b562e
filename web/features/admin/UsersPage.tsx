import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/contracts/admin.ts';
import { ROLES } from '../../../shared/contracts/common.ts';
import { useUser } from '../../app/auth.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { adminKeys, fetchUsers, updateUser } from './api.ts';
import { UserFormModal } from './UserFormModal.tsx';

const PAGE_SIZE = 25;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => fetchUsers(signal) });
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  // The modal is mounted per user (or "new") so its form starts from that user's data.
  const editing = useDialog<{ user: UserSummary | null }>();

  const setActive = useMutation({
    mutationFn: ({ user, active }: { user: UserSummary; active: boolean }) => updateUser(user.id, { active }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      notifications.show({
        color: 'teal',
        message: user.active ? t('admin.activated', { username: user.username }) : t('admin.deactivated', { username: user.username }),
      });
    },
  });

  const needle = q.trim().toLowerCase();
  const filtered = (users.data ?? []).filter(
    (u) =>
      (!needle || `${u.username} ${u.fullName} ${u.organizationName}`.toLowerCase().includes(needle)) &&
      (!role || u.role === role) &&
      (!status || (status === 'active') === u.active),
  );
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const filter = (fn: () => void) => {
    fn();
    setPage(1);
  };

  return (
    <>
      <PageTitle title={t('admin.usersTitle')} actions={<Button onClick={() => editing.open({ user: null })}>{t('admin.addUser')}</Button>} />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('admin.searchUsers')} type="search" value={q} onChange={(e) => { const v = e.currentTarget.value; filter(() => setQ(v)); }} />
          <NativeSelect
            label={t('admin.filterRole')}
            value={role}
            onChange={(e) => { const v = e.currentTarget.value; filter(() => setRole(v)); }}
            data={[{ value: '', label: t('admin.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          />
          <NativeSelect
            label={t('admin.filterStatus')}
            value={status}
            onChange={(e) => { const v = e.currentTarget.value; filter(() => setStatus(v)); }}
            data={[
              { value: '', label: t('admin.allStatuses') },
              { value: 'active', label: t('admin.active') },
              { value: 'inactive', label: t('admin.inactive') },
            ]}
          />
        </SimpleGrid>
      </Paper>
      <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      <ErrorAlert error={setActive.error} />
      {users.isPending ? (
        <Loading />
      ) : users.data && filtered.length === 0 ? (
        <EmptyState title={users.data.length === 0 ? t('admin.noUsers') : t('admin.noUsersMatch')} />
      ) : users.data ? (
        <>
          <DataTable
            minWidth={760}
            striped
            aria-label={t('admin.usersTitle')}
            columns={[
              t('admin.username'),
              t('admin.fullName'),
              t('admin.role'),
              t('admin.organization'),
              t('admin.status'),
              { label: t('common.actions'), hidden: true },
            ]}
          >
            <Table.Tbody>
              {shown.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td ff="monospace">{u.username}</Table.Td>
                  <Table.Td>{u.fullName}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>{u.organizationName}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} c={u.active ? 'teal.9' : 'gray.7'} style={{ whiteSpace: 'nowrap' }}>{u.active ? t('admin.active') : t('admin.inactive')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" className="no-print">
                      <Button size="xs" variant="default" onClick={() => editing.open({ user: u })} aria-label={t('admin.editUserAria', { username: u.username })}>
                        {t('common.edit')}
                      </Button>
                      <Button size="xs" variant="default" component={Link} to={`/admin/users/${u.id}/kualifikasi`} aria-label={t('admin.qualificationsAria', { username: u.username })}>
                        {t('admin.qualifications')}
                      </Button>
                      {u.active ? (
                        <ConfirmButton
                          size="xs"
                          variant="light"
                          color="red"
                          disabled={u.id === me.id}
                          aria-label={t('admin.deactivateAria', { username: u.username })}
                          title={t('admin.deactivateTitle')}
                          message={t('admin.deactivateConfirm', { username: u.username, name: u.fullName })}
                          confirmLabel={t('admin.deactivate')}
                          onConfirm={() => setActive.mutateAsync({ user: u, active: false })}
                        >
                          {t('admin.deactivate')}
                        </ConfirmButton>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setActive.mutate({ user: u, active: true })}
                          aria-label={t('admin.activateAria', { username: u.username })}
                        >
                          {t('admin.activate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
          <Pagination page={current} pageSize={PAGE_SIZE} total={filtered.length} onChange={setPage} />
        </>
      ) : null}
      {editing.subject ? (
        <UserFormModal key={editing.subject.user?.id ?? 'new'} existing={editing.subject.user} opened onClose={editing.close} />
      ) : null}
    </>
  );
}
