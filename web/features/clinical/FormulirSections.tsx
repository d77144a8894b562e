import { Fragment, memo, type ReactNode } from 'react';
import { Button, Checkbox, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import {
  DRUG_USE_ROWS, EXAM_SYSTEMS, FAMILY_RELATIONS, FOLLOW_UP_PLANS, FORMULIR_SECTIONS, ICD10_DIAGNOSES, LEGAL_STATUSES, MARITAL_STATUSES,
  PSYCHIATRIC_SYMPTOMS, ROUTES, SATISFACTION_LABELS, SATISFACTION_ANSWERS, SEVERITY_AREAS, SEVERITY_BANDS, TEST_RESULTS, URINALYSIS_PANEL,
  URINALYSIS_RESULTS, severityBand, type FormulirSectionKey, type Label,
} from '../../../shared/instruments/index.ts';
import { formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import {
  DateField, fieldId, NumberField, RatingField, SelectField, TextField, useFormContext, YesNoField, type Option,
} from './formFields.tsx';
import { useLabel } from './labels.ts';

type SectionData = Record<string, unknown> | null | undefined;

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
const obj = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

// ---------------------------------------------------------------------------------------------
// The single fields of each section, as data: how each is entered. Their labels are the form's
// own (FORMULIR_SECTIONS), their limits those of the form's schema (shared/instruments/formulir.ts).

type Unit = 'days' | 'mmHg' | 'perMinute' | 'celsius';
type OptionsOf = (label: (label: Label) => string) => Option[];
type FieldSpec =
  | { key: string; kind: 'text'; max?: number; multiline?: boolean }
  | { key: string; kind: 'date' }
  | { key: string; kind: 'number'; min?: number; max?: number; number?: 'decimal' | 'rupiah'; unit?: Unit }
  | { key: string; kind: 'yesNo' }
  | { key: string; kind: 'rating' }
  | { key: string; kind: 'sex' }
  | { key: string; kind: 'choice'; options: OptionsOf };

const text = (key: string, max?: number): FieldSpec => ({ key, kind: 'text', max });
const notes = (key: string): FieldSpec => ({ key, kind: 'text', max: 500, multiline: true });
const date = (key: string): FieldSpec => ({ key, kind: 'date' });
const count = (key: string, max = 999): FieldSpec => ({ key, kind: 'number', max });
const year = (key: string): FieldSpec => ({ key, kind: 'number', min: 1900, max: 2200 });
const days30 = (key: string): FieldSpec => ({ key, kind: 'number', max: 30, unit: 'days' });
const rupiah = (key: string): FieldSpec => ({ key, kind: 'number', number: 'rupiah' });
const measure = (key: string, min: number, max: number, unit: Unit): FieldSpec => ({ key, kind: 'number', number: 'decimal', min, max, unit });
const yesNo = (key: string): FieldSpec => ({ key, kind: 'yesNo' });
const rating = (key: string): FieldSpec => ({ key, kind: 'rating' });
const choice = (key: string, options: OptionsOf): FieldSpec => ({ key, kind: 'choice', options });
const fromRows = (rows: readonly { code: string | number; label: Label }[]): OptionsOf => (label) =>
  rows.map((r) => ({ value: String(r.code), label: label(r.label) }));

const ADMINISTRATION: readonly FieldSpec[] = [date('assessmentDate'), text('place'), text('referralSource')];
const DEMOGRAPHICS: readonly FieldSpec[] = [
  text('sdpNumber', 50), text('name'),
  { key: 'sex', kind: 'sex' },
  date('dateOfBirth'), choice('maritalStatus', fromRows(MARITAL_STATUSES)), text('education'), text('occupation'),
];
const MEDICAL: readonly FieldSpec[] = [
  count('hospitalisationsLifetime'), yesNo('chronicIllness'), notes('chronicIllnessNotes'),
  choice('hivTest', fromRows(TEST_RESULTS)), choice('hepatitisBTest', fromRows(TEST_RESULTS)), choice('hepatitisCTest', fromRows(TEST_RESULTS)),
  days30('problemDays30'), rating('troubled'), rating('treatmentImportance'),
];
const EMPLOYMENT: readonly FieldSpec[] = [
  count('educationYears', 30), yesNo('drivingLicence'), yesNo('vehicleAvailable'), days30('paidWorkDays30'),
  rupiah('employmentIncome30'), rupiah('illegalIncome30'), text('mainSupport'),
];
const DRUG_USE: readonly FieldSpec[] = [
  // A main substance is one substance, so the "more than one per day" row is not a choice.
  choice('mainSubstance', fromRows(DRUG_USE_ROWS.filter((r) => r.code !== 'more_than_one'))),
  days30('alcoholToIntoxicationDays30'), rupiah('moneySpentAlcohol30'), rupiah('moneySpentDrugs30'),
  days30('alcoholProblemDays30'), days30('drugProblemDays30'),
  rating('troubledByAlcohol'), rating('troubledByDrugs'), rating('alcoholTreatmentImportance'), rating('drugTreatmentImportance'),
];
const TREATMENT_HISTORY: readonly FieldSpec[] = [
  count('alcoholTreatmentEpisodes'), count('drugTreatmentEpisodes'), text('lastTreatmentPlace'), year('lastTreatmentYear'),
  count('alcoholOverdoses'), count('drugOverdoses'), year('lastOverdoseYear'),
];
const LEGAL: readonly FieldSpec[] = [
  choice('status', fromRows(LEGAL_STATUSES)), notes('charges'), text('article'), count('previousConvictions'),
  yesNo('awaitingChargesTrialOrSentence'), days30('illegalActivityDays30'), rating('seriousness'), rating('counsellingImportance'),
];
const FAMILY_SOCIAL_ABOUT: readonly FieldSpec[] = [
  text('livingWith'),
  choice('maritalSatisfaction', (label) => SATISFACTION_ANSWERS.map((a) => ({ value: a, label: label(SATISFACTION_LABELS[a]) }))),
];
const FAMILY_SOCIAL_PROBLEMS: readonly FieldSpec[] = [days30('conflictDays30'), rating('troubled'), rating('counsellingImportance')];
const PSYCHIATRIC_PROBLEMS: readonly FieldSpec[] = [days30('problemDays30'), rating('troubled'), rating('treatmentImportance')];
const VITAL_SIGNS: readonly FieldSpec[] = [
  measure('systolic', 40, 300, 'mmHg'), measure('diastolic', 20, 200, 'mmHg'), measure('pulse', 20, 250, 'perMinute'),
  measure('respiration', 4, 80, 'perMinute'), measure('temperature', 30, 45, 'celsius'), yesNo('injectionMarks'),
];
const URINE_TEST: readonly FieldSpec[] = [date('testDate')];

/** The form's own label of a field, in the interface language. */
function useFieldLabel(section: FormulirSectionKey) {
  const label = useLabel();
  const fields = FORMULIR_SECTIONS.find((s) => s.key === section)?.fields ?? {};
  return (field: string) => {
    const def = fields[field];
    return def ? label(def.label) : field;
  };
}

function RupiahHint() {
  const { t } = useTranslation();
  const { rate } = useFormContext();
  return <>{t('clinical.form.rupiahHint', { rate: formatNumber(rate) })}</>;
}

function Grid({ children }: { children: ReactNode }) {
  return <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm" verticalSpacing="sm">{children}</SimpleGrid>;
}

/** A section's single fields, in a grid. */
function Fields({ section, data, fields }: { section: FormulirSectionKey; data: Record<string, unknown>; fields: readonly FieldSpec[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const fieldLabel = useFieldLabel(section);
  const units: Record<Unit, string> = { days: t('clinical.form.unitDays'), mmHg: 'mmHg', perMinute: t('clinical.form.unitPerMinute'), celsius: '°C' };
  const field = (spec: FieldSpec) => {
    const common = { path: [section, spec.key], label: fieldLabel(spec.key) };
    const value = data[spec.key];
    switch (spec.kind) {
      case 'text': return <TextField {...common} value={str(value)} max={spec.max} multiline={spec.multiline} />;
      case 'date': return <DateField {...common} value={str(value)} />;
      case 'yesNo': return <YesNoField {...common} value={bool(value)} />;
      case 'rating': return <RatingField {...common} value={num(value)} />;
      case 'choice': return <SelectField {...common} value={str(value)} options={spec.options(label)} />;
      case 'sex': return <SelectField {...common} value={str(value)} options={[{ value: 'L', label: t('sex.L') }, { value: 'P', label: t('sex.P') }]} />;
      case 'number':
        return (
          <NumberField
            {...common}
            value={num(value)}
            min={spec.min}
            max={spec.max}
            kind={spec.number}
            unit={spec.unit ? units[spec.unit] : undefined}
            description={spec.number === 'rupiah' ? <RupiahHint /> : undefined}
          />
        );
    }
  };
  return <Grid>{fields.map((spec) => <Fragment key={spec.key}>{field(spec)}</Fragment>)}</Grid>;
}

/**
 * A table of items (substances, symptoms, body systems, areas) with an input per column; each input
 * is named by its row and column, as a screen reader announces it.
 */
function ItemGrid<R extends { code: string; label: Label }>({ labelledBy, ariaLabel, minWidth, columns, rows, cells }: {
  labelledBy?: string;
  ariaLabel?: string;
  minWidth: number;
  columns: string[];
  rows: readonly R[];
  cells: (row: R, name: string) => ReactNode;
}) {
  const label = useLabel();
  return (
    <DataTable minWidth={minWidth} verticalSpacing={4} className="formulir-grid" aria-labelledby={labelledBy} aria-label={ariaLabel} columns={columns}>
      <Table.Tbody>
        {rows.map((row) => {
          const name = label(row.label);
          return (
            <Table.Tr key={row.code}>
              <Table.Th scope="row" fw={500}>{name}</Table.Th>
              {cells(row, name)}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </DataTable>
  );
}

/** The visible title of an item grid or a group of fields, which names it. */
function GroupTitle({ id, children }: { id: string; children: ReactNode }) {
  return <Text size="sm" fw={500} id={id} mb={4}>{children}</Text>;
}

/** One section of the form; memoised so typing in one section does not redraw the others. */
export const FormulirSection = memo(function FormulirSection({ sectionKey, data, person }: {
  sectionKey: FormulirSectionKey; data: SectionData; person: WbpDetail | undefined;
}) {
  const d = obj(data);
  switch (sectionKey) {
    case 'administration': return <Fields section="administration" data={d} fields={ADMINISTRATION} />;
    case 'demographics': return <Demographics data={d} person={person} />;
    case 'medical': return <Fields section="medical" data={d} fields={MEDICAL} />;
    case 'employment': return <Fields section="employment" data={d} fields={EMPLOYMENT} />;
    case 'drugUse': return <DrugUse data={d} />;
    case 'treatmentHistory': return <Fields section="treatmentHistory" data={d} fields={TREATMENT_HISTORY} />;
    case 'legal': return <Fields section="legal" data={d} fields={LEGAL} />;
    case 'familySocial': return <FamilySocial data={d} />;
    case 'psychiatric': return <Psychiatric data={d} />;
    case 'physicalExam': return <PhysicalExam data={d} />;
    case 'urinalysis': return <Urinalysis data={d} />;
    case 'severity': return <Severity data={d} />;
    case 'diagnosis': return <Diagnosis data={d} />;
    case 'followUp': return <FollowUp data={d} />;
    case 'signatures': return <Signatures data={d} />;
    default: return null;
  }
});

type Data = { data: Record<string, unknown> };

function Demographics({ data, person }: Data & { person: WbpDetail | undefined }) {
  const { t } = useTranslation();
  const { set, readOnly } = useFormContext();
  const copy = () => {
    if (!person) return;
    set(['demographics'], {
      ...data, sdpNumber: person.sdpNumber, name: person.fullName, sex: person.sex, dateOfBirth: person.birthDate ?? data.dateOfBirth ?? null,
    });
  };
  return (
    <Stack gap="sm">
      {person && !readOnly ? (
        <Group>
          <Button variant="light" size="xs" onClick={copy}>{t('clinical.form.copyFromRegister')}</Button>
        </Group>
      ) : null}
      <Fields section="demographics" data={data} fields={DEMOGRAPHICS} />
    </Stack>
  );
}

function DrugUse({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  const f = useFieldLabel('drugUse');
  const rows = obj(data.rows);
  const routes = ROUTES.map((r) => ({ value: String(r.code), label: `${r.code} — ${label(r.label)}` }));
  const [past30, lifetimeYears, route] = [t('clinical.form.past30Days'), t('clinical.form.lifetimeYears'), t('clinical.form.route')];
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500} id="drug-use-grid-label">{f('rows')}</Text>
        <Text size="xs" c="dimmed" mb={4}>{t('clinical.form.routesLegend', { list: routes.map((r) => r.label).join('; ') })}</Text>
        <ItemGrid
          labelledBy="drug-use-grid-label"
          minWidth={620}
          columns={[t('clinical.form.substance'), past30, lifetimeYears, route]}
          rows={DRUG_USE_ROWS}
          cells={(row, name) => {
            const r = obj(rows[row.code]);
            const path = (k: string) => ['drugUse', 'rows', row.code, k];
            return (
              <>
                <Table.Td>
                  <NumberField path={path('days30')} label={null} ariaLabel={`${name} — ${past30}`} value={num(r.days30)} max={30} w={110} />
                </Table.Td>
                <Table.Td>
                  <NumberField path={path('lifetimeYears')} label={null} ariaLabel={`${name} — ${lifetimeYears}`} value={num(r.lifetimeYears)} max={99} w={110} />
                </Table.Td>
                <Table.Td>
                  {row.code === 'more_than_one' ? null : (
                    <SelectField path={path('route')} label={null} ariaLabel={`${name} — ${route}`} value={num(r.route)} options={routes} toValue={Number} />
                  )}
                </Table.Td>
              </>
            );
          }}
        />
      </div>
      <Fields section="drugUse" data={data} fields={DRUG_USE} />
    </Stack>
  );
}

function FamilySocial({ data }: Data) {
  const label = useLabel();
  const f = useFieldLabel('familySocial');
  const problems = obj(data.seriousProblems30);
  const heading = f('seriousProblems30');
  return (
    <Stack gap="md">
      <Fields section="familySocial" data={data} fields={FAMILY_SOCIAL_ABOUT} />
      <div role="group" aria-labelledby="family-problems-label">
        <GroupTitle id="family-problems-label">{heading}</GroupTitle>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          {FAMILY_RELATIONS.map((r) => (
            <YesNoField
              key={r.code}
              path={['familySocial', 'seriousProblems30', r.code]}
              label={label(r.label)}
              ariaLabel={`${heading} — ${label(r.label)}`}
              value={bool(problems[r.code])}
            />
          ))}
        </SimpleGrid>
      </div>
      <Fields section="familySocial" data={data} fields={FAMILY_SOCIAL_PROBLEMS} />
    </Stack>
  );
}

function Psychiatric({ data }: Data) {
  const { t } = useTranslation();
  const f = useFieldLabel('psychiatric');
  const symptoms = obj(data.symptoms);
  const [past30, lifetime] = [t('clinical.form.past30Days'), t('clinical.form.lifetime')];
  return (
    <Stack gap="md">
      <div>
        <GroupTitle id="psych-grid-label">{f('symptoms')}</GroupTitle>
        <ItemGrid
          labelledBy="psych-grid-label"
          minWidth={520}
          columns={[t('clinical.form.symptom'), past30, lifetime]}
          rows={PSYCHIATRIC_SYMPTOMS}
          cells={(s, name) => {
            const v = obj(symptoms[s.code]);
            return (
              <>
                <Table.Td>
                  <YesNoField path={['psychiatric', 'symptoms', s.code, 'past30']} label={null} ariaLabel={`${name} — ${past30}`} value={bool(v.past30)} />
                </Table.Td>
                <Table.Td>
                  <YesNoField path={['psychiatric', 'symptoms', s.code, 'lifetime']} label={null} ariaLabel={`${name} — ${lifetime}`} value={bool(v.lifetime)} />
                </Table.Td>
              </>
            );
          }}
        />
      </div>
      <Fields section="psychiatric" data={data} fields={PSYCHIATRIC_PROBLEMS} />
    </Stack>
  );
}

function PhysicalExam({ data }: Data) {
  const { t } = useTranslation();
  const f = useFieldLabel('physicalExam');
  const systems = obj(data.systems);
  const [normal, findings] = [t('clinical.form.normal'), t('clinical.form.findings')];
  return (
    <Stack gap="md">
      <Fields section="physicalExam" data={data} fields={VITAL_SIGNS} />
      <div>
        <GroupTitle id="exam-grid-label">{f('systems')}</GroupTitle>
        <ItemGrid
          labelledBy="exam-grid-label"
          minWidth={560}
          columns={[t('clinical.form.system'), normal, findings]}
          rows={EXAM_SYSTEMS}
          cells={(s, name) => {
            const v = obj(systems[s.code]);
            return (
              <>
                <Table.Td w={140}>
                  <YesNoField path={['physicalExam', 'systems', s.code, 'normal']} label={null} ariaLabel={`${name} — ${normal}`} value={bool(v.normal)} />
                </Table.Td>
                <Table.Td>
                  <TextField path={['physicalExam', 'systems', s.code, 'notes']} label={null} ariaLabel={`${name} — ${findings}`} value={str(v.notes)} max={500} />
                </Table.Td>
              </>
            );
          }}
        />
      </div>
    </Stack>
  );
}

function Urinalysis({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  const f = useFieldLabel('urinalysis');
  const results = obj(data.results);
  const options = URINALYSIS_RESULTS.map((r) => ({ value: r, label: t(`clinical.form.urine.${r}`) }));
  return (
    <Stack gap="md">
      <Fields section="urinalysis" data={data} fields={URINE_TEST} />
      <div role="group" aria-labelledby="urine-label">
        <GroupTitle id="urine-label">{f('results')}</GroupTitle>
        <SimpleGrid cols={{ base: 2, sm: 3, xl: 4 }} spacing="xs">
          {URINALYSIS_PANEL.map((u) => (
            <SelectField key={u.code} path={['urinalysis', 'results', u.code]} label={label(u.label)} value={str(results[u.code])} options={options} />
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}

const SEVERITY_OPTIONS = Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: String(i) }));

function Severity({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('clinical.form.severityIntro')}</Text>
      <Text size="xs" c="dimmed">
        {SEVERITY_BANDS.map((b) => `${b.from}–${b.to}: ${label(b.label)}`).join(' · ')}
      </Text>
      <ItemGrid
        ariaLabel={t('clinical.form.severityGrid')}
        minWidth={560}
        columns={[t('clinical.form.area'), t('clinical.form.rating'), t('clinical.form.meaning')]}
        rows={SEVERITY_AREAS}
        cells={(a, name) => {
          const v = num(data[a.code]);
          return (
            <>
              <Table.Td w={130}>
                <SelectField
                  path={['severity', a.code]}
                  label={null}
                  ariaLabel={t('clinical.form.severityOf', { area: name })}
                  value={v}
                  options={SEVERITY_OPTIONS}
                  toValue={Number}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" aria-live="polite">{v === null ? '—' : label(severityBand(v).label)}</Text>
              </Table.Td>
            </>
          );
        }}
      />
    </Stack>
  );
}

function CodeChecklist({ path, legend, codes, options }: { path: readonly string[]; legend: string; codes: string[]; options: Option[] }) {
  const { set, readOnly } = useFormContext();
  return (
    <Checkbox.Group label={legend} value={codes} onChange={(v) => set(path, v.length === 0 ? null : options.map((o) => o.value).filter((c) => v.includes(c)))} id={fieldId(path)}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" mt={4}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} disabled={readOnly} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function Diagnosis({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  const codes = Array.isArray(data.codes) ? (data.codes as string[]) : [];
  return (
    <Stack gap="md">
      <CodeChecklist
        path={['diagnosis', 'codes']}
        legend={t('clinical.form.icd10')}
        codes={codes}
        options={ICD10_DIAGNOSES.map((d) => ({ value: d.code, label: `${d.code} — ${label(d.label)}` }))}
      />
      <TextField path={['diagnosis', 'notes']} label={t('clinical.form.diagnosisNotes')} value={str(data.notes)} max={500} multiline />
    </Stack>
  );
}

function FollowUp({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  const plans = Array.isArray(data.plans) ? (data.plans as string[]) : [];
  return (
    <Stack gap="md">
      <CodeChecklist
        path={['followUp', 'plans']}
        legend={t('clinical.form.followUpPlans')}
        codes={plans}
        options={FOLLOW_UP_PLANS.map((d) => ({ value: d.code, label: label(d.label) }))}
      />
      <Grid>
        <TextField path={['followUp', 'otherPlan']} label={t('clinical.form.otherPlan')} value={str(data.otherPlan)} />
      </Grid>
      <TextField path={['followUp', 'notes']} label={t('clinical.form.followUpNotes')} value={str(data.notes)} max={500} multiline />
    </Stack>
  );
}

function Signatures({ data }: Data) {
  const { t } = useTranslation();
  const { set, readOnly } = useFormContext();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('clinical.form.signaturesHelp')}</Text>
      {(['assessor', 'client'] as const).map((who) => {
        const v = obj(data[who]);
        const title = t(`clinical.form.signer.${who}`);
        const p = (k: string) => ['signatures', who, k];
        return (
          <div key={who} role="group" aria-labelledby={`sig-${who}`}>
            <Text fw={500} size="sm" id={`sig-${who}`} mb={4}>{title}</Text>
            <Grid>
              <TextField path={p('name')} label={t('clinical.form.signerName')} value={str(v.name)} />
              <TextField path={p('role')} label={t('clinical.form.signerRole')} value={str(v.role)} />
              <DateField path={p('signedOn')} label={t('clinical.form.signedOn')} value={str(v.signedOn)} />
              <Checkbox
                id={`f-signatures-${who}-signed`}
                mt="lg"
                label={t('clinical.form.signedOnPaper')}
                checked={v.signed === true}
                disabled={readOnly}
                onChange={(e) => set(p('signed'), e.currentTarget.checked)}
              />
            </Grid>
          </div>
        );
      })}
    </Stack>
  );
}
