import { Suspense, useEffect } from 'react';
import { AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/contracts/common.ts';
import type { Permission } from '../../shared/domain/permissions.ts';
import { Loading } from '../components/Loading.tsx';
import { useAuth, useUser } from './auth.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

type NavKey = 'wbp' | 'screening' | 'placement' | 'programmes' | 'routine' | 'timetable' | 'custody' | 'urine' | 'tasks' | 'conferences' | 'releases' | 'aftercare' | 'agreements' | 'staff' | 'trainings' | 'peers' | 'campaigns' | 'exports' | 'apiDocs' | 'import' | 'dashboard' | 'organizations' | 'rules' | 'settings' | 'aftercareSettings' | 'users' | 'audit' | 'account';
/**
 * An entry shows when the user holds its permission (any one of several), and is of one of its `roles` when
 * given; an `external` one is a page the server serves itself, opened in a new tab.
 */
const NAV: { key: NavKey; to: string; permission: Permission | readonly Permission[] | null; roles?: readonly Role[]; external?: true }[] = [
  { key: 'dashboard', to: '/dashboard', permission: 'stats.read' },
  { key: 'wbp', to: '/wbp', permission: 'wbp.read' },
  { key: 'screening', to: '/skrining', permission: 'screening.write' },
  { key: 'placement', to: '/penempatan', permission: 'clinical.read' },
  { key: 'programmes', to: '/program', permission: 'programme.read' },
  { key: 'routine', to: '/rutinitas', permission: 'programme.read' },
  { key: 'timetable', to: '/jadwal', permission: 'timetable.read' },
  { key: 'custody', to: '/jadwal/pengamanan', permission: 'timetable.custody' },
  { key: 'urine', to: '/urin', permission: 'urine.manage' },
  { key: 'tasks', to: '/tugas', permission: 'clinical.read' },
  { key: 'conferences', to: '/konferensi', permission: 'clinical.read' },
  { key: 'releases', to: '/pembebasan', permission: 'clinical.read' },
  { key: 'aftercare', to: '/pascarehabilitasi', permission: 'aftercare.read' },
  { key: 'agreements', to: '/perjanjian', permission: 'agreement.read' },
  { key: 'staff', to: '/staf', permission: 'staff.read' },
  { key: 'trainings', to: '/pelatihan', permission: 'training.read' },
  { key: 'peers', to: '/konselor-sebaya', permission: 'training.read' },
  { key: 'campaigns', to: '/penyuluhan', permission: 'campaign.read' },
  { key: 'exports', to: '/ekspor', permission: ['export.research', 'export.sirena', 'fhir.export'] },
  { key: 'import', to: '/imports/sdp', permission: 'sdp.import' },
  { key: 'organizations', to: '/admin/organizations', permission: 'org.manage' },
  { key: 'rules', to: '/admin/aturan-klasifikasi', permission: 'rules.manage' },
  { key: 'settings', to: '/admin/pengaturan', permission: 'settings.manage' },
  { key: 'aftercareSettings', to: '/admin/pascarehabilitasi', permission: 'settings.manage' },
  { key: 'users', to: '/admin/users', permission: 'user.manage' },
  { key: 'audit', to: '/admin/audit', permission: 'audit.read' },
  // Every session may read the API docs; the menu offers them to those who commission integrations (Ditjenpas, a unit's head).
  { key: 'apiDocs', to: '/api/docs', permission: null, roles: ['national_admin', 'head_of_unit'], external: true },
  { key: 'account', to: '/account', permission: null },
];

export function Layout() {
  const { t } = useTranslation();
  const user = useUser();
  const { can, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);

  useEffect(close, [location.pathname, close]);

  const items = NAV.filter((n) => (n.roles === undefined || n.roles.includes(user.role))
    && (n.permission === null || ([] as Permission[]).concat(n.permission).some((p) => can(p))));
  // The deepest matching entry is the current one: /jadwal/pengamanan is not also /jadwal.
  const current = items
    .filter((n) => location.pathname === n.to || location.pathname.startsWith(`${n.to}/`))
    .reduce<string | null>((best, n) => (best === null || n.to.length > best.length ? n.to : best), null);
  const signOut = async () => {
    notifications.clean();
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
        classNames={{ header: 'no-print', navbar: 'no-print' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
              <Text component={Link} to="/" fw={700} size="lg" c="teal.8" style={{ textDecoration: 'none' }}>
                Pulih
              </Text>
              <Text size="sm" c="dimmed" visibleFrom="md" truncate>
                {user.organization.name}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Box visibleFrom="sm">
                <LanguageSwitch />
              </Box>
              <Text size="sm" visibleFrom="sm" truncate maw={200}>
                {user.fullName}
              </Text>
              <Button size="xs" variant="light" onClick={() => void signOut()}>
                {t('nav.logout')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
          {/* The menu is longer than a small screen: it scrolls on its own, the page does not move. */}
          <AppShell.Section grow component={ScrollArea} type="auto">
            <Stack gap={2}>
              {items.map((item) => {
                if (item.external) {
                  return (
                    <NavLink key={item.key} component="a" href={item.to} target="_blank" rel="noopener"
                      label={t(`nav.${item.key}`)} rightSection={<span aria-hidden="true">↗</span>} />
                  );
                }
                const active = item.to === current;
                return (
                  <NavLink
                    key={item.key}
                    component={Link}
                    to={item.to}
                    label={t(`nav.${item.key}`)}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                  />
                );
              })}
            </Stack>
          </AppShell.Section>
          <Stack gap="xs" p="xs">
            {/* On narrow screens the header has no room for the language buttons. */}
            <Box hiddenFrom="sm">
              <LanguageSwitch />
            </Box>
            <Text size="xs" c="dimmed">
              {user.fullName} · {t(`roles.${user.role}`)}
            </Text>
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
