import type { FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, List, Modal, NativeSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createOrganizationRequest, type Organization } from '../../../shared/contracts/admin.ts';
import { CUSTODIAL_KINDS, ORG_KINDS, PARTNER_KINDS, type OrgKind } from '../../../shared/contracts/common.ts';
import { ApiError } from '../../app/api.ts';
import { numberOrNull, orNull, validate } from '../../app/validation.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { adminKeys, compareOrgs, createOrganization } from './api.ts';

/** The organisation a new one usually sits under. */
const NATURAL_PARENT: Partial<Record<OrgKind, OrgKind>> = {
  kanwil: 'ditjenpas',
  rutan: 'kanwil',
  lapas: 'kanwil',
  lpka: 'kanwil',
  bapas: 'kanwil',
  bnnp: 'bnn',
  bnnk: 'bnnp',
  puskesmas: 'dinkes',
};
const CORRECTIONAL_KINDS = ORG_KINDS.filter((k) => !PARTNER_KINDS.includes(k));

interface OrgValues {
  kind: string;
  /** Undefined until the user picks (or clears) a parent: until then the suggestion stands. */
  parentId: string | null | undefined;
  code: string;
  name: string;
  ministry: string;
  province: string;
  city: string;
  capacity: string;
  canAssess: boolean;
}
const FIELDS = ['kind', 'parentId', 'code', 'name', 'ministry', 'province', 'city', 'capacity', 'canAssess'] as const satisfies readonly (keyof OrgValues)[];
type Field = (typeof FIELDS)[number];
const EMPTY: OrgValues = { kind: '', parentId: undefined, code: '', name: '', ministry: '', province: '', city: '', capacity: '', canAssess: false };

function isOrgKind(v: string): v is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(v);
}

const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The parent to preselect: the only organisation of the natural parent kind, or, among several (many Kanwil),
 * the only one in the same province, or else in the same city. Null when there is no clear choice.
 */
function suggestParent(kind: string, province: string, city: string, orgs: Organization[]): string | null {
  const natural = isOrgKind(kind) ? NATURAL_PARENT[kind] : undefined;
  if (!natural) return null;
  let candidates = orgs.filter((o) => o.kind === natural);
  if (candidates.length > 1 && province.trim()) candidates = candidates.filter((o) => same(o.province, province));
  if (candidates.length > 1 && city.trim()) candidates = candidates.filter((o) => same(o.city, city));
  return candidates.length === 1 ? candidates[0]!.id : null;
}

/** Register a new organisation: a correctional unit or a partner agency. */
export function OrganizationFormModal({
  organizations,
  opened,
  onClose,
  onCreated,
}: {
  organizations: Organization[];
  opened: boolean;
  onClose: () => void;
  onCreated?: (org: Organization) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, errors, show, bind } = useFormFields<OrgValues>(EMPTY, 'org', FIELDS);
  const { kind, province, city } = values;

  const orgKind = isOrgKind(kind) ? kind : null;
  const showMinistry = orgKind === 'ditjenpas';
  const showCapacity = orgKind !== null && CUSTODIAL_KINDS.includes(orgKind);
  const showCanAssess = orgKind !== null && PARTNER_KINDS.includes(orgKind);
  const shown: readonly Field[] = FIELDS.filter(
    (f) => (f !== 'ministry' || showMinistry) && (f !== 'capacity' || showCapacity) && (f !== 'canAssess' || showCanAssess),
  );
  const natural = orgKind ? NATURAL_PARENT[orgKind] : undefined;
  const parentId = values.parentId !== undefined ? values.parentId : suggestParent(kind, province, city, organizations);

  const mutation = useMutation({
    mutationFn: createOrganization,
    onSuccess: (org) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.organizations });
      notifications.show({ color: 'teal', message: t('admin.orgCreated', { name: org.name }) });
      onCreated?.(org);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(createOrganizationRequest, {
      kind,
      parentId,
      code: values.code,
      name: values.name,
      ministry: showMinistry ? orNull(values.ministry) : null,
      province: orNull(province),
      city: orNull(city),
      capacity: showCapacity ? numberOrNull(values.capacity) : null,
      canAssess: showCanAssess ? values.canAssess : false,
    });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    mutation.mutate(parsed.data);
  };

  // Messages for fields that have no input on screen (none expected, but never swallow one).
  const unplaced = Object.entries(errors).filter(([k, v]) => v && !(shown as readonly string[]).includes(k)).map(([, v]) => v);
  const invalidCount = Object.entries(errors).filter(([, v]) => v).length;

  const kindLabel = (k: OrgKind) => ({ value: k, label: t(`orgKind.${k}`) });
  const parentKinds = natural ? [natural, ...ORG_KINDS.filter((k) => k !== natural)] : [...ORG_KINDS];
  const parentOptions = parentKinds
    .map((k) => ({
      group: k === natural ? t('admin.orgParentSuggested', { kind: t(`orgKind.${k}`) }) : t(`orgKind.${k}`),
      items: organizations
        .filter((o) => o.kind === k)
        .sort(compareOrgs)
        .map((o) => ({ value: o.id, label: `${o.name} (${o.code})` })),
    }))
    .filter((g) => g.items.length > 0);

  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.addOrg')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <FormErrorAlert error={mutation.error} />
      {invalidCount > 0 ? (
        <Alert color="red" role="alert" mb="md">
          {t('validation.formHasErrors', { count: invalidCount })}
          {unplaced.length > 0 ? (
            <List size="sm" mt={4}>
              {unplaced.map((m) => <List.Item key={m}>{m}</List.Item>)}
            </List>
          ) : null}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            {...bind('kind')}
            label={t('admin.orgKind')}
            data={[
              { value: '', label: t('common.choose') },
              { group: t('admin.correctionalSection'), items: CORRECTIONAL_KINDS.map(kindLabel) },
              { group: t('admin.partnersSection'), items: PARTNER_KINDS.map(kindLabel) },
            ]}
            required
            data-autofocus
          />
          <Select
            id="org-parentId"
            label={t('admin.orgParent')}
            description={natural ? t('admin.orgParentHelp', { kind: t(`orgKind.${natural}`) }) : t('admin.orgParentOptional')}
            placeholder={t('admin.orgParentNone')}
            data={parentOptions}
            value={parentId}
            onChange={(v) => set('parentId', v)}
            searchable
            clearable
            // Mantine hides the clear button from the keyboard; a parent is optional, so clearing it must be reachable too.
            clearButtonProps={{ 'aria-label': t('admin.orgParentClear'), tabIndex: 0, 'aria-hidden': false }}
            nothingFoundMessage={t('common.nothingFound')}
            error={errors.parentId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              {...bind('code')}
              onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
              label={t('admin.orgCode')}
              description={t('admin.orgCodeHelp')}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <TextInput {...bind('name')} label={t('admin.orgName')} description={t('admin.orgNameHelp')} required autoComplete="off" maxLength={160} />
          </SimpleGrid>
          {showMinistry ? (
            <TextInput {...bind('ministry')} label={t('admin.orgMinistry')} description={t('admin.orgMinistryHelp')} autoComplete="off" maxLength={200} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...bind('province')} label={t('admin.orgProvince')} autoComplete="off" maxLength={80} />
            <TextInput {...bind('city')} label={t('admin.orgCity')} autoComplete="off" maxLength={80} />
          </SimpleGrid>
          {showCapacity ? (
            <TextInput
              {...bind('capacity')}
              label={t('admin.orgCapacity')}
              description={t('admin.orgCapacityHelp')}
              inputMode="numeric"
              autoComplete="off"
              maw={240}
            />
          ) : null}
          {showCanAssess ? (
            <Checkbox
              id="org-canAssess"
              label={t('admin.orgCanAssess')}
              description={t('admin.orgCanAssessHelp')}
              checked={values.canAssess}
              onChange={(e) => set('canAssess', e.currentTarget.checked)}
              error={errors.canAssess}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
