import type { ReactNode } from 'react';
import { Button, Checkbox, Divider, Group, List, NativeSelect, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLASSES, REHAB_PLACES, REHAB_TYPES, type RehabClass, type Recommendation } from '../../../shared/contracts/clinical.ts';
import {
  ASI_AREA_LABELS, ASI_AREAS, asiItemsFromFormulir, COMPOSITES, SEVERITY_AREAS, severityBand,
} from '../../../shared/instruments/index.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import type { AssessmentRecord } from './api.ts';
import { ClassBadge } from './Badges.tsx';
import { useLabel } from './labels.ts';
import type { Draft } from './useAutosave.ts';

const EMPTY_RECOMMENDATION: Recommendation = { types: [], place: null, note: null };

/** The composites the server computed at the last save, with what each missing one still needs. */
export function CompositesCard({ record }: { record: AssessmentRecord }) {
  const { t } = useTranslation();
  const label = useLabel();
  const items = asiItemsFromFormulir(record.form, { rupiahPerUsd: record.exchangeRate });
  return (
    <section aria-labelledby="composites-heading">
      <Title order={2} size="h5" id="composites-heading" mb={4}>{t('clinical.assessment.composites')}</Title>
      <Table verticalSpacing={2} horizontalSpacing={4} fz="sm">
        <Table.Tbody>
          {ASI_AREAS.map((area) => {
            const value = record.composites[area];
            const missing = COMPOSITES[area].items.filter((code) => items[code] === undefined);
            return (
              <Table.Tr key={area}>
                <Table.Th scope="row" fw={400}>{label(ASI_AREA_LABELS[area])}</Table.Th>
                <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {value === null || value === undefined ? '—' : formatNumber(value, 4)}
                </Table.Td>
                <Table.Td>
                  {value === null || value === undefined ? (
                    <Text size="xs" c="dimmed">
                      {missing.length > 0 ? t('clinical.assessment.missingItems', { list: missing.join(', ') }) : ''}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {record.asiProblems.length > 0 ? (
        <List size="xs" c="red.8" mt={4} aria-label={t('clinical.assessment.asiProblems')}>
          {record.asiProblems.map((p) => (
            <List.Item key={`${p.path}:${p.message}`}>{p.path}: {p.message}</List.Item>
          ))}
        </List>
      ) : null}
      <Text size="xs" c="dimmed" mt={4}>{t('clinical.assessment.compositesHelp')}</Text>
    </section>
  );
}

function SeveritySummary({ severity }: { severity: Record<string, unknown> | null | undefined }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <section aria-labelledby="severity-summary-heading">
      <Title order={2} size="h5" id="severity-summary-heading" mb={4}>{t('clinical.assessment.severity')}</Title>
      <Table verticalSpacing={2} horizontalSpacing={4} fz="sm">
        <Table.Tbody>
          {SEVERITY_AREAS.map((a) => {
            const v = severity?.[a.code];
            const n = typeof v === 'number' ? v : null;
            return (
              <Table.Tr key={a.code}>
                <Table.Th scope="row" fw={400}>{label(a.label)}</Table.Th>
                <Table.Td ta="right" ff="monospace">{n ?? '—'}</Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{n === null ? '' : label(severityBand(n).label)}</Text></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}

interface PanelProps {
  draft: Draft;
  server: AssessmentRecord;
  readOnly: boolean;
  update: (change: (d: Draft) => Draft) => void;
  /** Messages from a refused signing, by field (teamClass, overrideReason). */
  fieldErrors: Record<string, string>;
  onClearFieldError: (field: string) => void;
  signSlot?: ReactNode;
}

/** Live results and the team's decision: composites, severity, the rule's class, the team's class and recommendation. */
export function AssessmentPanel({ draft, server, readOnly, update, fieldErrors, onClearFieldError, signSlot }: PanelProps) {
  const { t } = useTranslation();
  const c = server.classification;
  const ruleClass = c.ruleClass;
  const teamClass = draft.teamClass;
  const rec = draft.recommendation ?? EMPTY_RECOMMENDATION;
  // As on the server: a class, or kinds of rehabilitation, other than the rule's need a reason.
  const typesDiffer = draft.recommendation !== null && draft.recommendation !== undefined
    && (rec.types.length !== c.placement.length || rec.types.some((type) => !c.placement.includes(type)));
  const classDiffers = !!ruleClass && !!teamClass && teamClass !== ruleClass;
  const differs = classDiffers || typesDiffer;
  const reasonMissing = differs && !(draft.overrideReason ?? '').trim();
  const setRec = (change: Partial<Recommendation>) =>
    update((d) => ({ ...d, recommendation: { ...(d.recommendation ?? EMPTY_RECOMMENDATION), ...change } }));
  const overrideError = fieldErrors.overrideReason || (reasonMissing ? t('clinical.assessment.overrideRequired') : undefined);

  return (
    <Paper withBorder p="md" className="formulir-side" component="aside" aria-label={t('clinical.assessment.panelLabel')}>
      <Stack gap="md">
        <CompositesCard record={server} />
        <Divider />
        <SeveritySummary severity={draft.form.severity} />
        <Divider />
        <section aria-labelledby="class-heading">
          <Title order={2} size="h5" id="class-heading" mb={4}>{t('clinical.assessment.classification')}</Title>
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('clinical.assessment.ruleClass')}:</Text>
              <span aria-live="polite"><ClassBadge value={ruleClass} /></span>
            </Group>
            <Text size="xs" c="dimmed">
              {t(`clinical.basis.${c.basis}`)} ·{' '}
              {c.ruleVersion !== null ? t('clinical.assessment.ruleVersion', { version: c.ruleVersion }) : t('clinical.assessment.ruleDefault')}
            </Text>
            <Text size="sm">
              {t('clinical.assessment.placement')}:{' '}
              {c.placement.length === 0 ? '—' : c.placement.map((p) => t(`clinical.placement.${p}`)).join('; ')}
            </Text>
            {server.status === 'signed' ? (
              <Group gap="xs">
                <Text size="sm" fw={600}>{t('clinical.assessment.finalClass')}:</Text>
                <ClassBadge value={server.finalClass} />
              </Group>
            ) : null}
          </Stack>
        </section>
        <Divider />
        <section aria-labelledby="decision-heading">
          <Title order={2} size="h5" id="decision-heading" mb={4}>{t('clinical.assessment.teamDecision')}</Title>
          <Stack gap="sm">
            <NativeSelect
              id="f-teamClass"
              label={t('clinical.assessment.teamClass')}
              description={t('clinical.assessment.teamClassHelp')}
              value={teamClass ?? ''}
              disabled={readOnly}
              error={fieldErrors.teamClass}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => ({ ...d, teamClass: v === '' ? null : (v as RehabClass) }));
                onClearFieldError('teamClass');
              }}
              data={[
                { value: '', label: t('clinical.assessment.teamClassNone') },
                ...CLASSES.map((k) => ({ value: k, label: t(`clinical.class.${k}`) })),
              ]}
            />
            <Textarea
              id="f-overrideReason"
              label={t('clinical.assessment.overrideReason')}
              description={
                classDiffers && ruleClass && teamClass
                  ? t('clinical.assessment.overrideHelpDiffers', { team: t(`clinical.class.${teamClass}`), rule: t(`clinical.class.${ruleClass}`) })
                  : t('clinical.assessment.overrideHelp')
              }
              required={differs}
              aria-required={differs}
              value={draft.overrideReason ?? ''}
              readOnly={readOnly}
              maxLength={2000}
              autosize
              minRows={2}
              maxRows={8}
              error={readOnly ? undefined : overrideError}
              onChange={(e) => {
                const v = e.currentTarget.value;
                update((d) => ({ ...d, overrideReason: v === '' ? null : v }));
                onClearFieldError('overrideReason');
              }}
            />
            <Checkbox.Group
              label={t('clinical.assessment.recommendationTypes')}
              value={rec.types}
              onChange={(v) => setRec({ types: REHAB_TYPES.filter((k) => v.includes(k)) })}
            >
              <Stack gap={6} mt={4}>
                {REHAB_TYPES.map((k) => (
                  <Checkbox key={k} value={k} label={t(`clinical.rehabType.${k}`)} disabled={readOnly} />
                ))}
              </Stack>
            </Checkbox.Group>
            {!readOnly && c.placement.length > 0 ? (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setRec({ types: REHAB_TYPES.filter((k) => c.placement.includes(k)) })}
              >
                {t('clinical.assessment.usePlacement')}
              </Button>
            ) : null}
            <Radio.Group
              label={t('clinical.assessment.recommendationPlace')}
              value={rec.place ?? ''}
              onChange={(v) => setRec({ place: v as Recommendation['place'] })}
            >
              <Group gap="md" mt={4}>
                {REHAB_PLACES.map((k) => (
                  <Radio key={k} value={k} label={t(`clinical.place.${k}`)} disabled={readOnly} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              id="f-recommendationNote"
              label={t('clinical.assessment.recommendationNote')}
              value={rec.note ?? ''}
              readOnly={readOnly}
              maxLength={2000}
              autosize
              minRows={2}
              maxRows={6}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setRec({ note: v === '' ? null : v });
              }}
            />
          </Stack>
        </section>
        {server.status === 'signed' ? (
          <Text size="sm">
            {t('clinical.assessment.signedBy', { name: server.signedBy ?? '—', at: formatDateTime(server.signedAt) })}
          </Text>
        ) : null}
        {signSlot}
      </Stack>
    </Paper>
  );
}
