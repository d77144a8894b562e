import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLASSES, classificationRuleBody, type ClassificationRuleBody, type RehabClass } from '../../../shared/contracts/clinical.ts';
import { DEFAULT_RULE } from '../../../shared/domain/classification.ts';
import { RISKS, RISK_LABELS } from '../../../shared/instruments/assist.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { useOrganizations } from '../../app/organizations.ts';
import { numberOrNull, validate, type FieldErrors } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { fetchRules, saveRule, settingsKeys, type ClassificationRule } from './api.ts';

const NATIONAL = '';

function bands(rule: ClassificationRuleBody) {
  return {
    rendah: `0–${rule.rendahMax}`,
    menengah: rule.menengahMax > rule.rendahMax ? `${rule.rendahMax + 1}–${rule.menengahMax}` : '—',
    tinggi: `${Math.max(rule.menengahMax, rule.rendahMax) + 1}–9`,
  };
}

/** The classification rule per region (newest version in force) and the national default, and a form for a new version. */
export function RulesPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const rules = useQuery({ queryKey: settingsKeys.rules, queryFn: ({ signal }) => fetchRules(signal) });
  const national = user.role === 'national_admin';
  const orgs = useOrganizations();
  const lang = i18n.language === 'en' ? 'en' : 'id';

  const items = rules.data ?? [];
  // Newest version per region (the API lists each region's versions newest first).
  const inForce = new Map<string, ClassificationRule>();
  for (const r of items) if (!inForce.has(r.regionId ?? NATIONAL)) inForce.set(r.regionId ?? NATIONAL, r);
  const nationalRule = inForce.get(NATIONAL);
  const history = items.filter((r) => inForce.get(r.regionId ?? NATIONAL)?.id !== r.id);

  const regionName = (r: ClassificationRule) => (r.regionId ? (r.regionName ?? '—') : t('settings.rules.nationalDefault'));
  const fallbackText = (rule: ClassificationRuleBody) =>
    RISKS.map((k) => `${RISK_LABELS[k][lang]} → ${t(`clinical.class.${rule.assistFallback[k]}`)}`).join('; ');

  const ruleTable = (list: ClassificationRule[], labelledBy: string) => (
    <DataTable
      minWidth={860}
      striped
      aria-labelledby={labelledBy}
      columns={[
        t('settings.rules.region'),
        t('settings.rules.version'),
        t('clinical.class.rendah'),
        t('clinical.class.menengah'),
        t('clinical.class.tinggi'),
        t('settings.rules.fallback'),
        t('settings.rules.createdBy'),
      ]}
    >
      <Table.Tbody>
        {list.map((r) => {
          const b = bands(r.rule);
          return (
            <Table.Tr key={r.id}>
              <Table.Td fw={500}>{regionName(r)}</Table.Td>
              <Table.Td><Badge variant="outline" color="gray.7" tt="none">{t('settings.rules.versionN', { version: r.version })}</Badge></Table.Td>
              <Table.Td>{b.rendah}</Table.Td>
              <Table.Td>{b.menengah}</Table.Td>
              <Table.Td>{b.tinggi}</Table.Td>
              <Table.Td><Text size="xs">{fallbackText(r.rule)}</Text></Table.Td>
              <Table.Td><Text size="xs">{r.createdBy ?? '—'} · {formatDate(r.createdAt)}</Text></Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </DataTable>
  );

  const regionOptions = national
    ? [
        { value: NATIONAL, label: t('settings.rules.nationalDefault') },
        ...(orgs.data ?? []).filter((o) => o.kind === 'kanwil').sort((a, b) => a.name.localeCompare(b.name, 'id')).map((o) => ({ value: o.id, label: o.name })),
      ]
    : [{ value: user.organization.id, label: user.organization.name }];

  return (
    <>
      <PageTitle title={t('settings.rules.title')} subtitle={t('settings.rules.subtitle')} />
      <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />
      {rules.isPending ? (
        <Loading />
      ) : (
        <Stack gap="md">
          <Section id="rules-in-force" title={t('settings.rules.inForce')}>
            {!nationalRule ? (
              <Alert color="gray" mb="sm">
                {t('settings.rules.builtIn', { ...bands(DEFAULT_RULE) })}
              </Alert>
            ) : null}
            {inForce.size > 0 ? ruleTable([...inForce.values()], 'rules-in-force') : null}
            <Text size="xs" c="dimmed" mt="xs">{t('settings.rules.howItApplies')}</Text>
          </Section>
          <RuleForm
            key={national ? 'national' : user.organization.id}
            regionOptions={regionOptions}
            fixedRegion={!national}
            inForce={inForce}
            orgsError={national ? orgs.error : null}
          />
          {history.length > 0 ? (
            <Section id="rules-history" title={t('settings.rules.history')}>
              {ruleTable(history, 'rules-history')}
            </Section>
          ) : null}
        </Stack>
      )}
    </>
  );
}

interface RuleValues { rendahMax: string; menengahMax: string; low: RehabClass; moderate: RehabClass; high: RehabClass }
/** The highest severity of the rendah and the menengah class, as typed. */
const BOUNDS = ['rendahMax', 'menengahMax'] as const;

function valuesOf(rule: ClassificationRuleBody): RuleValues {
  return {
    rendahMax: String(rule.rendahMax), menengahMax: String(rule.menengahMax),
    low: rule.assistFallback.low, moderate: rule.assistFallback.moderate, high: rule.assistFallback.high,
  };
}

function RuleForm({ regionOptions, fixedRegion, inForce, orgsError }: {
  regionOptions: { value: string; label: string }[]; fixedRegion: boolean; inForce: Map<string, ClassificationRule>; orgsError: unknown;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const initialRegion = regionOptions[0]?.value ?? NATIONAL;
  const ruleFor = (region: string) => (inForce.get(region) ?? inForce.get(NATIONAL))?.rule ?? DEFAULT_RULE;
  const [region, setRegion] = useState(initialRegion);
  const { values, set, setValues, errors, show, bind } = useFormFields<RuleValues>(() => valuesOf(ruleFor(initialRegion)), 'rule', BOUNDS);

  const save = useMutation({
    mutationFn: (rule: ClassificationRuleBody) => saveRule({ regionId: region === NATIONAL ? null : region, rule }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.rules });
      notifications.show({
        color: 'teal',
        message: t('settings.rules.saved', { version: saved.version, region: saved.regionName ?? t('settings.rules.nationalDefault') }),
      });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) {
        // The rule's fields arrive as "rule.rendahMax"; the region as "regionId".
        const found: FieldErrors = {};
        for (const f of err.fields) found[f.field.split('.').pop() ?? f.field] ??= f.message.replace(/^[^:\n]{1,60}:\s+(?=\S)/, '');
        show(found);
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(classificationRuleBody, {
      rendahMax: numberOrNull(values.rendahMax),
      menengahMax: numberOrNull(values.menengahMax),
      assistFallback: { low: values.low, moderate: values.moderate, high: values.high },
    });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    save.mutate(parsed.data);
  };

  const r = numberOrNull(values.rendahMax);
  const m = numberOrNull(values.menengahMax);
  const preview = r !== null && m !== null && !Number.isNaN(r) && !Number.isNaN(m) && m > r && r >= 0 && m <= 8
    ? t('settings.rules.preview', { rendah: `0–${r}`, menengah: `${r + 1}–${m}`, tinggi: `${m + 1}–9` })
    : null;
  const current = inForce.get(region);
  const classOptions = CLASSES.map((c) => ({ value: c, label: t(`clinical.class.${c}`) }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rule-form-heading">
      <Title order={2} size="h4" id="rule-form-heading" mb="xs">{t('settings.rules.newVersion')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('settings.rules.newVersionHelp')}</Text>
      <ErrorAlert error={orgsError} />
      <FormErrorAlert error={save.error} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {fixedRegion ? (
            <TextInput
              id="rule-region"
              label={t('settings.rules.region')}
              description={t('settings.rules.ownRegionOnly')}
              value={regionOptions[0]?.label ?? ''}
              readOnly
              error={errors.regionId}
              maw={480}
            />
          ) : (
            <NativeSelect
              id="rule-region"
              label={t('settings.rules.region')}
              description={current ? t('settings.rules.currentVersion', { version: current.version }) : t('settings.rules.noVersionYet')}
              value={region}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setRegion(v);
                setValues(valuesOf(ruleFor(v)));
                show({});
              }}
              data={regionOptions}
              error={errors.regionId}
              maw={480}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
            {BOUNDS.map((k) => (
              <TextInput key={k} {...bind(k)} label={t(`settings.rules.${k}`)} description={t(`settings.rules.${k}Help`)} inputMode="numeric" required />
            ))}
          </SimpleGrid>
          <Text size="sm" aria-live="polite">{preview ?? ''}</Text>
          <div role="group" aria-labelledby="rule-fallback-label">
            <Text size="sm" fw={500} id="rule-fallback-label">{t('settings.rules.fallback')}</Text>
            <Text size="xs" c="dimmed" mb={4}>{t('settings.rules.fallbackHelp')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} maw={640}>
              {RISKS.map((k) => (
                <NativeSelect
                  key={k}
                  id={`rule-${k}`}
                  label={RISK_LABELS[k][lang]}
                  value={values[k]}
                  onChange={(e) => set(k, e.currentTarget.value as RehabClass)}
                  data={classOptions}
                />
              ))}
            </SimpleGrid>
          </div>
          <Group>
            <Button type="submit" loading={save.isPending}>{t('settings.rules.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
