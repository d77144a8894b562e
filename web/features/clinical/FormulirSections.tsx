import { memo, type ReactNode } from 'react';
import { Button, Checkbox, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import {
  DRUG_USE_ROWS, EXAM_SYSTEMS, FAMILY_RELATIONS, FOLLOW_UP_PLANS, FORMULIR_SECTIONS, ICD10_DIAGNOSES, LEGAL_STATUSES, MARITAL_STATUSES,
  PSYCHIATRIC_SYMPTOMS, ROUTES, SATISFACTION_LABELS, SATISFACTION_ANSWERS, SEVERITY_AREAS, SEVERITY_BANDS, TEST_RESULTS, URINALYSIS_PANEL,
  URINALYSIS_RESULTS, severityBand, type FormulirSectionKey, type Label,
} from '../../../shared/instruments/index.ts';
import { formatNumber } from '../../app/format.ts';
import {
  DateField, fieldId, NumberField, RatingField, SelectField, TextField, useFormContext, YesNoField, type Option,
} from './formFields.tsx';
import { useLabel } from './labels.ts';

type SectionData = Record<string, unknown> | null | undefined;

/** The form's own label of a field, in the interface language. */
function useFieldLabel(section: FormulirSectionKey) {
  const label = useLabel();
  const fields = FORMULIR_SECTIONS.find((s) => s.key === section)?.fields ?? {};
  return (field: string) => {
    const def = fields[field];
    return def ? label(def.label) : field;
  };
}

function useOptions() {
  const label = useLabel();
  return (rows: readonly { code: string | number; label: Label }[]): Option[] => rows.map((r) => ({ value: String(r.code), label: label(r.label) }));
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
const obj = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function Grid({ children }: { children: ReactNode }) {
  return <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm" verticalSpacing="sm">{children}</SimpleGrid>;
}

function useUnits() {
  const { t } = useTranslation();
  return { days: t('clinical.form.unitDays'), mmHg: 'mmHg', perMinute: t('clinical.form.unitPerMinute'), celsius: '°C' };
}

/** One section of the form; memoised so typing in one section does not redraw the others. */
export const FormulirSection = memo(function FormulirSection({ sectionKey, data, person }: {
  sectionKey: FormulirSectionKey; data: SectionData; person: WbpDetail | undefined;
}) {
  switch (sectionKey) {
    case 'administration': return <Administration data={obj(data)} />;
    case 'demographics': return <Demographics data={obj(data)} person={person} />;
    case 'medical': return <Medical data={obj(data)} />;
    case 'employment': return <Employment data={obj(data)} />;
    case 'drugUse': return <DrugUse data={obj(data)} />;
    case 'treatmentHistory': return <TreatmentHistory data={obj(data)} />;
    case 'legal': return <Legal data={obj(data)} />;
    case 'familySocial': return <FamilySocial data={obj(data)} />;
    case 'psychiatric': return <Psychiatric data={obj(data)} />;
    case 'physicalExam': return <PhysicalExam data={obj(data)} />;
    case 'urinalysis': return <Urinalysis data={obj(data)} />;
    case 'severity': return <Severity data={obj(data)} />;
    case 'diagnosis': return <Diagnosis data={obj(data)} />;
    case 'followUp': return <FollowUp data={obj(data)} />;
    case 'signatures': return <Signatures data={obj(data)} />;
    default: return null;
  }
});

type Data = { data: Record<string, unknown> };

function Administration({ data }: Data) {
  const f = useFieldLabel('administration');
  const p = (k: string) => ['administration', k];
  return (
    <Grid>
      <DateField path={p('assessmentDate')} label={f('assessmentDate')} value={str(data.assessmentDate)} />
      <TextField path={p('place')} label={f('place')} value={str(data.place)} />
      <TextField path={p('referralSource')} label={f('referralSource')} value={str(data.referralSource)} />
    </Grid>
  );
}

function Demographics({ data, person }: Data & { person: WbpDetail | undefined }) {
  const { t } = useTranslation();
  const { set, readOnly } = useFormContext();
  const f = useFieldLabel('demographics');
  const options = useOptions();
  const p = (k: string) => ['demographics', k];
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
      <Grid>
        <TextField path={p('sdpNumber')} label={f('sdpNumber')} value={str(data.sdpNumber)} max={50} />
        <TextField path={p('name')} label={f('name')} value={str(data.name)} />
        <SelectField path={p('sex')} label={f('sex')} value={str(data.sex)} options={[{ value: 'L', label: t('sex.L') }, { value: 'P', label: t('sex.P') }]} />
        <DateField path={p('dateOfBirth')} label={f('dateOfBirth')} value={str(data.dateOfBirth)} />
        <SelectField path={p('maritalStatus')} label={f('maritalStatus')} value={str(data.maritalStatus)} options={options(MARITAL_STATUSES)} />
        <TextField path={p('education')} label={f('education')} value={str(data.education)} />
        <TextField path={p('occupation')} label={f('occupation')} value={str(data.occupation)} />
      </Grid>
    </Stack>
  );
}

function Medical({ data }: Data) {
  const f = useFieldLabel('medical');
  const options = useOptions();
  const u = useUnits();
  const p = (k: string) => ['medical', k];
  return (
    <Grid>
      <NumberField path={p('hospitalisationsLifetime')} label={f('hospitalisationsLifetime')} value={num(data.hospitalisationsLifetime)} max={999} />
      <YesNoField path={p('chronicIllness')} label={f('chronicIllness')} value={bool(data.chronicIllness)} />
      <TextField path={p('chronicIllnessNotes')} label={f('chronicIllnessNotes')} value={str(data.chronicIllnessNotes)} max={500} multiline />
      <SelectField path={p('hivTest')} label={f('hivTest')} value={str(data.hivTest)} options={options(TEST_RESULTS)} />
      <SelectField path={p('hepatitisBTest')} label={f('hepatitisBTest')} value={str(data.hepatitisBTest)} options={options(TEST_RESULTS)} />
      <SelectField path={p('hepatitisCTest')} label={f('hepatitisCTest')} value={str(data.hepatitisCTest)} options={options(TEST_RESULTS)} />
      <NumberField path={p('problemDays30')} label={f('problemDays30')} value={num(data.problemDays30)} max={30} unit={u.days} />
      <RatingField path={p('troubled')} label={f('troubled')} value={num(data.troubled)} />
      <RatingField path={p('treatmentImportance')} label={f('treatmentImportance')} value={num(data.treatmentImportance)} />
    </Grid>
  );
}

function RupiahHint() {
  const { t } = useTranslation();
  const { rate } = useFormContext();
  return <>{t('clinical.form.rupiahHint', { rate: formatNumber(rate) })}</>;
}

function Employment({ data }: Data) {
  const f = useFieldLabel('employment');
  const u = useUnits();
  const p = (k: string) => ['employment', k];
  return (
    <Grid>
      <NumberField path={p('educationYears')} label={f('educationYears')} value={num(data.educationYears)} max={30} />
      <YesNoField path={p('drivingLicence')} label={f('drivingLicence')} value={bool(data.drivingLicence)} />
      <YesNoField path={p('vehicleAvailable')} label={f('vehicleAvailable')} value={bool(data.vehicleAvailable)} />
      <NumberField path={p('paidWorkDays30')} label={f('paidWorkDays30')} value={num(data.paidWorkDays30)} max={30} unit={u.days} />
      <NumberField path={p('employmentIncome30')} label={f('employmentIncome30')} value={num(data.employmentIncome30)} kind="rupiah" description={<RupiahHint />} />
      <NumberField path={p('illegalIncome30')} label={f('illegalIncome30')} value={num(data.illegalIncome30)} kind="rupiah" description={<RupiahHint />} />
      <TextField path={p('mainSupport')} label={f('mainSupport')} value={str(data.mainSupport)} />
    </Grid>
  );
}

function DrugUse({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  const f = useFieldLabel('drugUse');
  const u = useUnits();
  const p = (k: string) => ['drugUse', k];
  const rows = obj(data.rows);
  const routes = ROUTES.map((r) => ({ value: String(r.code), label: `${r.code} — ${label(r.label)}` }));
  const mainOptions = DRUG_USE_ROWS.filter((r) => r.code !== 'more_than_one').map((r) => ({ value: r.code, label: label(r.label) }));
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500} id="drug-use-grid-label">{f('rows')}</Text>
        <Text size="xs" c="dimmed" mb={4}>{t('clinical.form.routesLegend', { list: routes.map((r) => r.label).join('; ') })}</Text>
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing={4} aria-labelledby="drug-use-grid-label" className="formulir-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clinical.form.substance')}</Table.Th>
                <Table.Th scope="col">{t('clinical.form.past30Days')}</Table.Th>
                <Table.Th scope="col">{t('clinical.form.lifetimeYears')}</Table.Th>
                <Table.Th scope="col">{t('clinical.form.route')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {DRUG_USE_ROWS.map((row) => {
                const r = obj(rows[row.code]);
                const name = label(row.label);
                const rp = (k: string) => ['drugUse', 'rows', row.code, k];
                return (
                  <Table.Tr key={row.code}>
                    <Table.Th scope="row" fw={500}>{name}</Table.Th>
                    <Table.Td>
                      <NumberField path={rp('days30')} label={null} ariaLabel={`${name} — ${t('clinical.form.past30Days')}`} value={num(r.days30)} max={30} w={110} />
                    </Table.Td>
                    <Table.Td>
                      <NumberField path={rp('lifetimeYears')} label={null} ariaLabel={`${name} — ${t('clinical.form.lifetimeYears')}`} value={num(r.lifetimeYears)} max={99} w={110} />
                    </Table.Td>
                    <Table.Td>
                      {row.code === 'more_than_one' ? null : (
                        <SelectField path={rp('route')} label={null} ariaLabel={`${name} — ${t('clinical.form.route')}`} value={num(r.route)} options={routes} toValue={Number} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
      <Grid>
        <SelectField path={p('mainSubstance')} label={f('mainSubstance')} value={str(data.mainSubstance)} options={mainOptions} />
        <NumberField path={p('alcoholToIntoxicationDays30')} label={f('alcoholToIntoxicationDays30')} value={num(data.alcoholToIntoxicationDays30)} max={30} unit={u.days} />
        <NumberField path={p('moneySpentAlcohol30')} label={f('moneySpentAlcohol30')} value={num(data.moneySpentAlcohol30)} kind="rupiah" description={<RupiahHint />} />
        <NumberField path={p('moneySpentDrugs30')} label={f('moneySpentDrugs30')} value={num(data.moneySpentDrugs30)} kind="rupiah" description={<RupiahHint />} />
        <NumberField path={p('alcoholProblemDays30')} label={f('alcoholProblemDays30')} value={num(data.alcoholProblemDays30)} max={30} unit={u.days} />
        <NumberField path={p('drugProblemDays30')} label={f('drugProblemDays30')} value={num(data.drugProblemDays30)} max={30} unit={u.days} />
        <RatingField path={p('troubledByAlcohol')} label={f('troubledByAlcohol')} value={num(data.troubledByAlcohol)} />
        <RatingField path={p('troubledByDrugs')} label={f('troubledByDrugs')} value={num(data.troubledByDrugs)} />
        <RatingField path={p('alcoholTreatmentImportance')} label={f('alcoholTreatmentImportance')} value={num(data.alcoholTreatmentImportance)} />
        <RatingField path={p('drugTreatmentImportance')} label={f('drugTreatmentImportance')} value={num(data.drugTreatmentImportance)} />
      </Grid>
    </Stack>
  );
}

function TreatmentHistory({ data }: Data) {
  const f = useFieldLabel('treatmentHistory');
  const p = (k: string) => ['treatmentHistory', k];
  return (
    <Grid>
      <NumberField path={p('alcoholTreatmentEpisodes')} label={f('alcoholTreatmentEpisodes')} value={num(data.alcoholTreatmentEpisodes)} max={999} />
      <NumberField path={p('drugTreatmentEpisodes')} label={f('drugTreatmentEpisodes')} value={num(data.drugTreatmentEpisodes)} max={999} />
      <TextField path={p('lastTreatmentPlace')} label={f('lastTreatmentPlace')} value={str(data.lastTreatmentPlace)} />
      <NumberField path={p('lastTreatmentYear')} label={f('lastTreatmentYear')} value={num(data.lastTreatmentYear)} min={1900} max={2200} />
      <NumberField path={p('alcoholOverdoses')} label={f('alcoholOverdoses')} value={num(data.alcoholOverdoses)} max={999} />
      <NumberField path={p('drugOverdoses')} label={f('drugOverdoses')} value={num(data.drugOverdoses)} max={999} />
      <NumberField path={p('lastOverdoseYear')} label={f('lastOverdoseYear')} value={num(data.lastOverdoseYear)} min={1900} max={2200} />
    </Grid>
  );
}

function Legal({ data }: Data) {
  const f = useFieldLabel('legal');
  const options = useOptions();
  const u = useUnits();
  const p = (k: string) => ['legal', k];
  return (
    <Grid>
      <SelectField path={p('status')} label={f('status')} value={str(data.status)} options={options(LEGAL_STATUSES)} />
      <TextField path={p('charges')} label={f('charges')} value={str(data.charges)} max={500} multiline />
      <TextField path={p('article')} label={f('article')} value={str(data.article)} />
      <NumberField path={p('previousConvictions')} label={f('previousConvictions')} value={num(data.previousConvictions)} max={999} />
      <YesNoField path={p('awaitingChargesTrialOrSentence')} label={f('awaitingChargesTrialOrSentence')} value={bool(data.awaitingChargesTrialOrSentence)} />
      <NumberField path={p('illegalActivityDays30')} label={f('illegalActivityDays30')} value={num(data.illegalActivityDays30)} max={30} unit={u.days} />
      <RatingField path={p('seriousness')} label={f('seriousness')} value={num(data.seriousness)} />
      <RatingField path={p('counsellingImportance')} label={f('counsellingImportance')} value={num(data.counsellingImportance)} />
    </Grid>
  );
}

function FamilySocial({ data }: Data) {
  const label = useLabel();
  const f = useFieldLabel('familySocial');
  const u = useUnits();
  const p = (k: string) => ['familySocial', k];
  const problems = obj(data.seriousProblems30);
  const heading = f('seriousProblems30');
  return (
    <Stack gap="md">
      <Grid>
        <TextField path={p('livingWith')} label={f('livingWith')} value={str(data.livingWith)} />
        <SelectField
          path={p('maritalSatisfaction')}
          label={f('maritalSatisfaction')}
          value={str(data.maritalSatisfaction)}
          options={SATISFACTION_ANSWERS.map((a) => ({ value: a, label: label(SATISFACTION_LABELS[a]) }))}
        />
      </Grid>
      <div role="group" aria-labelledby="family-problems-label">
        <Text size="sm" fw={500} id="family-problems-label" mb={4}>{heading}</Text>
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
      <Grid>
        <NumberField path={p('conflictDays30')} label={f('conflictDays30')} value={num(data.conflictDays30)} max={30} unit={u.days} />
        <RatingField path={p('troubled')} label={f('troubled')} value={num(data.troubled)} />
        <RatingField path={p('counsellingImportance')} label={f('counsellingImportance')} value={num(data.counsellingImportance)} />
      </Grid>
    </Stack>
  );
}

function Psychiatric({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  const f = useFieldLabel('psychiatric');
  const u = useUnits();
  const p = (k: string) => ['psychiatric', k];
  const symptoms = obj(data.symptoms);
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500} id="psych-grid-label" mb={4}>{f('symptoms')}</Text>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} aria-labelledby="psych-grid-label" className="formulir-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clinical.form.symptom')}</Table.Th>
                <Table.Th scope="col">{t('clinical.form.past30Days')}</Table.Th>
                <Table.Th scope="col">{t('clinical.form.lifetime')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {PSYCHIATRIC_SYMPTOMS.map((s) => {
                const v = obj(symptoms[s.code]);
                const name = label(s.label);
                return (
                  <Table.Tr key={s.code}>
                    <Table.Th scope="row" fw={500}>{name}</Table.Th>
                    <Table.Td>
                      <YesNoField path={['psychiatric', 'symptoms', s.code, 'past30']} label={null} ariaLabel={`${name} — ${t('clinical.form.past30Days')}`} value={bool(v.past30)} />
                    </Table.Td>
                    <Table.Td>
                      <YesNoField path={['psychiatric', 'symptoms', s.code, 'lifetime']} label={null} ariaLabel={`${name} — ${t('clinical.form.lifetime')}`} value={bool(v.lifetime)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
      <Grid>
        <NumberField path={p('problemDays30')} label={f('problemDays30')} value={num(data.problemDays30)} max={30} unit={u.days} />
        <RatingField path={p('troubled')} label={f('troubled')} value={num(data.troubled)} />
        <RatingField path={p('treatmentImportance')} label={f('treatmentImportance')} value={num(data.treatmentImportance)} />
      </Grid>
    </Stack>
  );
}

function PhysicalExam({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  const f = useFieldLabel('physicalExam');
  const u = useUnits();
  const p = (k: string) => ['physicalExam', k];
  const systems = obj(data.systems);
  return (
    <Stack gap="md">
      <Grid>
        <NumberField path={p('systolic')} label={f('systolic')} value={num(data.systolic)} min={40} max={300} kind="decimal" unit={u.mmHg} />
        <NumberField path={p('diastolic')} label={f('diastolic')} value={num(data.diastolic)} min={20} max={200} kind="decimal" unit={u.mmHg} />
        <NumberField path={p('pulse')} label={f('pulse')} value={num(data.pulse)} min={20} max={250} kind="decimal" unit={u.perMinute} />
        <NumberField path={p('respiration')} label={f('respiration')} value={num(data.respiration)} min={4} max={80} kind="decimal" unit={u.perMinute} />
        <NumberField path={p('temperature')} label={f('temperature')} value={num(data.temperature)} min={30} max={45} kind="decimal" unit={u.celsius} />
        <YesNoField path={p('injectionMarks')} label={f('injectionMarks')} value={bool(data.injectionMarks)} />
      </Grid>
      <div>
        <Text size="sm" fw={500} id="exam-grid-label" mb={4}>{f('systems')}</Text>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} aria-labelledby="exam-grid-label" className="formulir-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clinical.form.system')}</Table.Th>
                <Table.Th scope="col">{t('clinical.form.normal')}</Table.Th>
                <Table.Th scope="col">{t('clinical.form.findings')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {EXAM_SYSTEMS.map((s) => {
                const v = obj(systems[s.code]);
                const name = label(s.label);
                return (
                  <Table.Tr key={s.code}>
                    <Table.Th scope="row" fw={500}>{name}</Table.Th>
                    <Table.Td w={140}>
                      <YesNoField path={['physicalExam', 'systems', s.code, 'normal']} label={null} ariaLabel={`${name} — ${t('clinical.form.normal')}`} value={bool(v.normal)} />
                    </Table.Td>
                    <Table.Td>
                      <TextField path={['physicalExam', 'systems', s.code, 'notes']} label={null} ariaLabel={`${name} — ${t('clinical.form.findings')}`} value={str(v.notes)} max={500} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
        <DateField path={['urinalysis', 'testDate']} label={f('testDate')} value={str(data.testDate)} />
      </SimpleGrid>
      <div role="group" aria-labelledby="urine-label">
        <Text size="sm" fw={500} id="urine-label" mb={4}>{f('results')}</Text>
        <SimpleGrid cols={{ base: 2, sm: 3, xl: 4 }} spacing="xs">
          {URINALYSIS_PANEL.map((u) => (
            <SelectField key={u.code} path={['urinalysis', 'results', u.code]} label={label(u.label)} value={str(results[u.code])} options={options} />
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}

function Severity({ data }: Data) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('clinical.form.severityIntro')}</Text>
      <Text size="xs" c="dimmed">
        {SEVERITY_BANDS.map((b) => `${b.from}–${b.to}: ${label(b.label)}`).join(' · ')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} aria-label={t('clinical.form.severityGrid')} className="formulir-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('clinical.form.area')}</Table.Th>
              <Table.Th scope="col">{t('clinical.form.rating')}</Table.Th>
              <Table.Th scope="col">{t('clinical.form.meaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SEVERITY_AREAS.map((a) => {
              const v = num(data[a.code]);
              const name = label(a.label);
              return (
                <Table.Tr key={a.code}>
                  <Table.Th scope="row" fw={500}>{name}</Table.Th>
                  <Table.Td w={130}>
                    <SelectField
                      path={['severity', a.code]}
                      label={null}
                      ariaLabel={t('clinical.form.severityOf', { area: name })}
                      value={v}
                      options={Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: String(i) }))}
                      toValue={Number}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" aria-live="polite">{v === null ? '—' : label(severityBand(v).label)}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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

