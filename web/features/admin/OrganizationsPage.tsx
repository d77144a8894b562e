import { useState, type ReactNode } from 'react';
import { Box, Button, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/contracts/admin.ts';
import { PARTNER_KINDS, type OrgKind } from '../../../shared/contracts/common.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { compareOrgs } from './api.ts';
import { OrganizationFormModal } from './OrganizationFormModal.tsx';

const PARTNERS = new Set<OrgKind>(PARTNER_KINDS);
const INDENT_PX = 22;

interface TreeRow {
  org: Organization;
  depth: number;
  parent: Organization | null;
}

/**
 * The correctional organisations (Ditjenpas, Kanwil, UPT) in tree order, each with its depth. An organisation
 * whose parent is missing or is not correctional starts a tree of its own; a broken parent chain (a cycle)
 * cannot hide anyone, as every organisation not reached is listed at the top level.
 */
function correctionalTree(orgs: Organization[], byId: Map<string, Organization>): TreeRow[] {
  const units = orgs.filter((o) => !PARTNERS.has(o.kind));
  const isRoot = (o: Organization) => {
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    return !parent || PARTNERS.has(parent.kind) || parent.id === o.id;
  };
  const children = new Map<string, Organization[]>();
  for (const o of units) {
    if (isRoot(o) || !o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o);
    children.set(o.parentId, list);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (o: Organization, depth: number) => {
    if (seen.has(o.id)) return;
    seen.add(o.id);
    rows.push({ org: o, depth, parent: depth > 0 && o.parentId ? byId.get(o.parentId) ?? null : null });
    for (const c of (children.get(o.id) ?? []).sort(compareOrgs)) visit(c, depth + 1);
  };
  for (const o of units.filter(isRoot).sort(compareOrgs)) visit(o, 0);
  for (const o of units.sort(compareOrgs)) visit(o, 0);
  return rows;
}

function matches(o: Organization, needle: string): boolean {
  return !needle || o.name.toLowerCase().includes(needle) || o.code.toLowerCase().includes(needle);
}

export function OrganizationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canManage = can('org.manage');
  const orgs = useOrganizations();
  const [q, setQ] = useState('');
  // The form is mounted for one opening, so each starts empty.
  const adding = useDialog<true>();
  const [createdId, setCreatedId] = useState<string | null>(null);

  const all = orgs.data ?? [];
  const byId = new Map(all.map((o) => [o.id, o]));
  const needle = q.trim().toLowerCase();

  // While searching, a matching unit keeps its chain of parents on screen (dimmed) so its place stays clear.
  const tree = correctionalTree(all, byId);
  const visible = new Set<string>();
  for (const row of tree) {
    if (!matches(row.org, needle)) continue;
    let cur: Organization | undefined = row.org;
    for (let i = 0; cur && i <= tree.length && !visible.has(cur.id); i++) {
      visible.add(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
  }
  const treeRows = tree.filter((r) => visible.has(r.org.id));
  const partnerGroups = PARTNER_KINDS.map((kind) => ({
    kind,
    orgs: all.filter((o) => o.kind === kind && matches(o, needle)).sort(compareOrgs),
  })).filter((g) => g.orgs.length > 0);
  const matchCount = all.filter((o) => matches(o, needle)).length;

  const onCreated = (org: Organization) => {
    setCreatedId(org.id);
    if (!matches(org, needle)) setQ('');
  };

  const addButton = canManage ? <Button onClick={() => adding.open(true)}>{t('admin.addOrg')}</Button> : null;

  // In the tree, Ditjenpas and Kanwil stand out from the units under them; partner agencies sit side by side.
  const nameCell = (org: Organization, depth: number, parent: Organization | null, dimmed: boolean, weight: number) => (
    <Table.Td>
      <Box pl={depth * INDENT_PX} style={{ display: 'flex', gap: 6 }}>
        {depth > 0 ? <Text component="span" c="dimmed" aria-hidden>└</Text> : null}
        <div>
          <Text component="span" size="sm" fw={weight} c={dimmed ? 'dimmed' : undefined}>
            {org.name}
          </Text>
          {parent ? <span className="visually-hidden">, {t('admin.orgUnder', { parent: parent.name })}</span> : null}
        </div>
      </Box>
    </Table.Td>
  );

  const cityCell = (org: Organization) => (
    <Table.Td>
      {org.city ?? '—'}
      {org.province ? <Text size="xs" c="dimmed">{org.province}</Text> : null}
    </Table.Td>
  );

  const rowStyle = (org: Organization) => (org.id === createdId ? { background: 'var(--mantine-color-teal-0)' } : undefined);

  let body: ReactNode = null;
  if (orgs.isPending) {
    body = <Loading />;
  } else if (orgs.data && all.length === 0) {
    body = <EmptyState title={t('admin.orgsEmpty')} description={canManage ? t('admin.orgsEmptyHelp') : undefined} action={addButton} />;
  } else if (orgs.data && matchCount === 0) {
    body = (
      <EmptyState
        title={t('admin.orgsNoMatch')}
        description={t('admin.orgsNoMatchHelp')}
        action={<Button variant="default" onClick={() => setQ('')}>{t('admin.clearSearch')}</Button>}
      />
    );
  } else if (orgs.data) {
    body = (
      <Stack gap="xl">
        {!needle || treeRows.length > 0 ? (
          <OrgSection id="orgs-correctional" title={t('admin.correctionalSection')} help={t('admin.correctionalHelp')}>
            {treeRows.length === 0 ? (
              <Text size="sm">{t('admin.correctionalEmpty')}</Text>
            ) : (
              <DataTable
                minWidth={720}
                aria-labelledby="orgs-correctional"
                aria-busy={orgs.isFetching}
                columns={[t('admin.orgName'), t('admin.orgCode'), t('admin.orgKind'), t('admin.orgCity'), { label: t('admin.orgCapacity'), align: 'right' }]}
              >
                <Table.Tbody>
                  {treeRows.map(({ org, depth, parent }) => (
                    <Table.Tr key={org.id} style={rowStyle(org)}>
                      {nameCell(org, depth, parent, !matches(org, needle), depth === 0 ? 700 : depth === 1 ? 600 : 400)}
                      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{org.code}</Table.Td>
                      <Table.Td>{t(`orgKind.${org.kind}`)}</Table.Td>
                      {cityCell(org)}
                      <Table.Td ta="right">{org.capacity === null ? '—' : formatNumber(org.capacity)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
            )}
          </OrgSection>
        ) : null}
        {!needle || partnerGroups.length > 0 ? (
          <OrgSection id="orgs-partners" title={t('admin.partnersSection')} help={t('admin.partnersHelp')}>
            {partnerGroups.length === 0 ? (
              <Text size="sm">{t('admin.partnersEmpty')}</Text>
            ) : (
              <DataTable
                minWidth={760}
                aria-labelledby="orgs-partners"
                aria-busy={orgs.isFetching}
                columns={[t('admin.orgName'), t('admin.orgCode'), t('admin.orgKind'), t('admin.orgCity'), t('admin.orgParent'), t('admin.orgCanAssess')]}
              >
                {partnerGroups.map((g) => (
                  <Table.Tbody key={g.kind}>
                    <Table.Tr bg="gray.1">
                      <Table.Th scope="rowgroup" colSpan={6}>
                        {t('admin.orgGroupHeading', { kind: t(`orgKind.${g.kind}`), count: g.orgs.length })}
                      </Table.Th>
                    </Table.Tr>
                    {g.orgs.map((org) => {
                      const parent = org.parentId ? byId.get(org.parentId) : undefined;
                      return (
                        <Table.Tr key={org.id} style={rowStyle(org)}>
                          {nameCell(org, 0, null, false, 500)}
                          <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{org.code}</Table.Td>
                          <Table.Td>{t(`orgKind.${org.kind}`)}</Table.Td>
                          {cityCell(org)}
                          <Table.Td>{parent ? parent.name : '—'}</Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={org.canAssess ? 600 : 400} c={org.canAssess ? 'teal.9' : 'gray.7'}>
                              {org.canAssess ? t('admin.yes') : t('admin.no')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                ))}
              </DataTable>
            )}
          </OrgSection>
        ) : null}
      </Stack>
    );
  }

  return (
    <>
      <PageTitle
        title={t('admin.orgsTitle')}
        subtitle={t('admin.orgsSubtitle')}
        actions={
          <>
            {all.length > 0 ? <Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button> : null}
            {addButton}
          </>
        }
      />
      <Text className="print-only" size="xs" mb="sm">
        {t('admin.printedAt', { date: formatDateTime(new Date().toISOString()) })}
        {needle ? ` · ${t('admin.printedFilter', { q: q.trim() })}` : ''}
      </Text>
      <Paper withBorder p="sm" mb="md" className="no-print">
        <TextInput
          label={t('admin.searchOrgs')}
          placeholder={t('admin.searchOrgsPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={420}
          autoComplete="off"
          spellCheck={false}
        />
        {orgs.data && all.length > 0 ? (
          <Text size="sm" c="dimmed" mt="xs" aria-live="polite">
            {t('admin.orgsShown', { shown: matchCount, count: all.length })}
          </Text>
        ) : null}
      </Paper>
      <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />
      {body}
      {adding.subject ? <OrganizationFormModal organizations={all} opened onClose={adding.close} onCreated={onCreated} /> : null}
    </>
  );
}

/** One of the page's two lists (correctional units, partner agencies), under its heading. */
function OrgSection({ id, title, help, children }: { id: string; title: string; help: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>{title}</Title>
      <Text size="sm" c="dimmed" mb="xs">{help}</Text>
      {children}
    </section>
  );
}
