import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DashboardResponse, FunnelStage, Indicators } from '../../../shared/contracts/reports.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { useAuth, useUser } from '../../app/auth.tsx';
import { currentLanguage } from '../../app/i18n.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { withChanges } from '../../components/useListAddress.ts';
import { AgreementAlerts } from './AgreementAlerts.tsx';
import { dashboardKeys, fetchDashboard } from './api.ts';
import { DashboardFilters } from './DashboardFilters.tsx';
import { FigureChart } from './FigureChart.tsx';
import {
  classFigures, countFigure, counter, followUpFigures, funnelFigures, hasActivity, isWithheld, perUnitFigures,
  rateText, rehabTypeFigures, shownNumber, shownRate, WITHHELD_MARK,
} from './figures.ts';
import { monthlyReportFileName, monthlyReportPath, REPORT_FORMATS, reportTargetOf } from './monthly.ts';
import { OccupancyChart } from './OccupancyChart.tsx';
import { filtersFromAddress, indicatorsQueryOf, reportMonthOf } from './period.ts';
import { UnitTable } from './UnitTable.tsx';
import './dashboard.css';

const fmt = (n: number) => formatNumber(n);
const fmtDays = (n: number) => formatNumber(n, 1);
const fmtPercent = (n: number) => `${formatNumber(n)}%`;

/** "November 2026" / "November 2026" in the user's language. */
function monthName(month: string): string {
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * The indicators of rehabilitation for a period, for the user's unit, region or the nation (or one
 * region or unit of it): the pathway funnel, classes, occupancy, waiting time against the standard,
 * attendance, urine tests, completion, follow-up outcomes and rehabilitation types. The filters
 * live in the address. Above a unit the figures are aggregates with small counts suppressed.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromAddress(search, jakartaDate(new Date()));
  const query = filters.period ? indicatorsQueryOf(filters, filters.period) : null;
  const dashboard = useQuery({
    queryKey: query ? dashboardKeys.of(query) : dashboardKeys.all,
    queryFn: query ? ({ signal }) => fetchDashboard(query, signal) : skipToken,
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string | undefined>) => setSearch((prev) => withChanges(prev, changes), { replace: true });

  const data = dashboard.data;
  const choices = data?.choices;
  // Only national staff choose among regions; a region's own staff already see just theirs.
  const showRegions = (choices?.regions.length ?? 0) > 1 || ((choices?.regions.length ?? 0) > 0 && user.organization.kind === 'ditjenpas');
  const shown = data && filters.period ? data : undefined;

  return (
    <>
      <PageTitle
        title={t('dashboard.title')}
        subtitle={shown ? t('dashboard.subtitle', {
          scope: shown.scope.name,
          from: formatDate(shown.period.from),
          to: formatDate(shown.period.to),
        }) : user.organization.name}
        actions={(
          <>
            {shown ? <ReportButtons dashboard={shown} /> : null}
            <Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>
          </>
        )}
      />
      {can('agreement.read') ? <AgreementAlerts /> : null}
      <DashboardFilters filters={filters} choices={choices} showRegions={showRegions} onChange={update} />
      {shown && !reportTargetOf(shown) ? (
        <Text size="xs" c="dimmed" mt={-8} mb="md" className="no-print">{t('dashboard.report.chooseScope')}</Text>
      ) : null}
      {filters.problem ? null : (
        <>
          <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
          {dashboard.isPending ? <Loading /> : shown ? <DashboardContent dashboard={shown} busy={dashboard.isFetching} /> : null}
        </>
      )}
    </>
  );
}

/** The month's report of the unit or region shown, as PDF and as a spreadsheet; none for the nation. */
function ReportButtons({ dashboard }: { dashboard: DashboardResponse }) {
  const { t } = useTranslation();
  const target = reportTargetOf(dashboard);
  if (!target) return null;
  const month = reportMonthOf(dashboard.period);
  return (
    <>
      {REPORT_FORMATS.map((format) => (
        <DownloadButton
          key={format}
          variant="light"
          path={monthlyReportPath(format, month, target)}
          fileName={monthlyReportFileName(format, month, dashboard.scope.name)}
        >
          {t(`dashboard.report.${format}`, { month: monthName(month) })}
        </DownloadButton>
      ))}
    </>
  );
}

function DashboardContent({ dashboard, busy }: { dashboard: DashboardResponse; busy: boolean }) {
  const { t } = useTranslation();
  const { totals, suppressionThreshold: threshold, units } = dashboard;
  if (!hasActivity(totals)) {
    return <EmptyState title={t('dashboard.empty')} description={t('dashboard.emptyHelp')} />;
  }
  const several = dashboard.level !== 'unit' || units.length > 1;
  const withheld = [totals, ...units.map((u) => u.indicators)].some((ind) => (ind.complementary?.length ?? 0) > 0);
  return (
    <Stack gap="md" aria-busy={busy}>
      {threshold !== null ? (
        <Alert variant="light" color="gray" title={t('dashboard.suppression.title')} role="note">
          <Text size="sm">{t('dashboard.suppression.body', { threshold, max: threshold - 1 })}</Text>
          {withheld ? <Text size="sm" mt={4}>{t('dashboard.suppression.withheld', { mark: WITHHELD_MARK })}</Text> : null}
        </Alert>
      ) : null}
      <Headline totals={totals} threshold={threshold} />
      <Charts dashboard={dashboard} />
      {several ? <UnitTable id="dashboard-units" units={units} totals={totals} threshold={threshold} /> : null}
    </Stack>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" className="dashboard-stat">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700}>{value}</Text>
      {hint ? <Text size="xs" c="dimmed">{hint}</Text> : null}
    </Paper>
  );
}

/** The headline figures of the period, each with what it is out of. */
function Headline({ totals, threshold }: { totals: Indicators; threshold: number | null }) {
  const { t } = useTranslation();
  const count = counter(totals, threshold, fmt);
  const stage = (name: FunnelStage) => {
    const found = totals.funnel.find((f) => f.stage === name);
    return found ? count(found.count, `funnel.${name}`) : '—';
  };
  const { occupancy, waiting, attendance, urine, completion } = totals;
  const within = waiting.decided !== null && waiting.decided > 0 && waiting.withinStandard !== null ? waiting.withinStandard / waiting.decided : null;
  return (
    <section aria-labelledby="dashboard-headline">
      <Title order={2} size="h4" id="dashboard-headline" mb="xs">{t('dashboard.headline')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Stat
          label={t('dashboard.figures.held')}
          value={count(occupancy.held, 'occupancy.held')}
          hint={occupancy.capacity !== null ? t('dashboard.figures.heldHint', { capacity: fmt(occupancy.capacity), rate: rateText(occupancy.rate, fmt) }) : undefined}
        />
        <Stat label={t('dashboard.figures.drugCases')} value={count(occupancy.drugCases, 'occupancy.drugCases')} hint={t('dashboard.figures.drugCasesHint')} />
        <Stat label={t('dashboard.funnel.screened')} value={stage('screened')} hint={t('dashboard.figures.inPeriod')} />
        <Stat label={t('dashboard.funnel.enrolled')} value={stage('enrolled')} hint={t('dashboard.figures.inPeriod')} />
        <Stat
          label={t('dashboard.figures.medianDays')}
          value={waiting.medianDays === null ? '—' : t('dashboard.figures.workingDays', { days: fmtDays(waiting.medianDays) })}
          hint={t('dashboard.figures.standard', { days: waiting.standardDays })}
        />
        <Stat
          label={t('dashboard.figures.withinStandard')}
          value={rateText(within, fmt)}
          hint={t('dashboard.figures.ofDecided', { within: count(waiting.withinStandard, 'waiting.withinStandard'), decided: count(waiting.decided, 'waiting.decided') })}
        />
        <Stat label={t('dashboard.figures.overdueNow')} value={count(waiting.overdueNow, 'waiting.overdueNow')} hint={t('dashboard.figures.overdueNowHint', { days: waiting.standardDays })} />
        <Stat
          label={t('dashboard.figures.attendanceRate')}
          value={rateText(attendance.rate, fmt)}
          hint={t('dashboard.figures.ofExpected', { present: count(attendance.present, 'attendance.present'), expected: count(attendance.expected, 'attendance.expected') })}
        />
        <Stat
          label={t('dashboard.figures.urineRate')}
          value={rateText(urine.rate, fmt)}
          hint={t('dashboard.figures.ofTested', { positive: count(urine.positive, 'urine.positive'), tested: count(urine.tested, 'urine.tested') })}
        />
        <Stat
          label={t('dashboard.figures.completionRate')}
          value={rateText(completion.completionRate, fmt)}
          hint={t('dashboard.figures.completedDropped', { completed: count(completion.completed, 'completion.completed'), dropped: count(completion.dropped, 'completion.dropped') })}
        />
      </SimpleGrid>
    </section>
  );
}

function Charts({ dashboard }: { dashboard: DashboardResponse }) {
  const { t } = useTranslation();
  const { totals, suppressionThreshold: threshold, units } = dashboard;
  const people = t('dashboard.chart.people');
  const percent = t('dashboard.chart.percent');
  const standard = totals.waiting.standardDays;
  return (
    <section aria-labelledby="dashboard-charts">
      <Title order={2} size="h4" id="dashboard-charts" mb="xs">{t('dashboard.charts.title')}</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" className="dashboard-charts">
        <FigureChart
          id="chart-funnel"
          title={t('dashboard.charts.funnel')}
          help={t('dashboard.charts.funnelHelp')}
          figures={funnelFigures(totals, threshold, (s) => t(`dashboard.funnel.${s}`), fmt)}
          valueLabel={people}
          threshold={threshold}
          format={fmt}
          horizontal
        />
        <FigureChart
          id="chart-classes"
          title={t('dashboard.charts.classes')}
          help={t('dashboard.charts.classesHelp')}
          figures={classFigures(totals, threshold, (c) => t(`dashboard.classes.${c}`), fmt)}
          valueLabel={people}
          threshold={threshold}
          format={fmt}
          color="indigo.6"
        />
        <OccupancyChart id="chart-occupancy" units={units} threshold={threshold} />
        <FigureChart
          id="chart-waiting"
          title={t('dashboard.charts.waiting')}
          help={t('dashboard.charts.waitingHelp', { days: standard })}
          figures={perUnitFigures(units, (ind) => shownNumber(ind.waiting.medianDays, fmtDays))}
          valueLabel={t('dashboard.chart.medianDays')}
          threshold={threshold}
          format={fmtDays}
          horizontal
          maxValue={standard}
          referenceLines={[{ x: standard, label: t('dashboard.figures.standard', { days: standard }), color: 'red.7', labelPosition: 'insideTopRight' }]}
          barColor={(days) => (days > standard ? 'red.6' : 'teal.7')}
        />
        <FigureChart
          id="chart-attendance"
          title={t('dashboard.charts.attendance')}
          help={t('dashboard.charts.attendanceHelp')}
          figures={perUnitFigures(units, (ind) => shownRate(ind.attendance.rate, fmt))}
          valueLabel={percent}
          threshold={threshold}
          format={fmtPercent}
          horizontal
          maxValue={100}
          color="blue.6"
        />
        <FigureChart
          id="chart-urine"
          title={t('dashboard.charts.urine')}
          help={t('dashboard.charts.urineHelp')}
          figures={perUnitFigures(units, (ind) => shownRate(ind.urine.rate, fmt))}
          valueLabel={percent}
          threshold={threshold}
          format={fmtPercent}
          horizontal
          color="orange.6"
        />
        <FigureChart
          id="chart-completion"
          title={t('dashboard.charts.completion')}
          help={t('dashboard.charts.completionHelp')}
          figures={[
            countFigure('completed', t('dashboard.completion.completed'), totals.completion.completed, threshold, fmt, isWithheld(totals, 'completion.completed')),
            countFigure('dropped', t('dashboard.completion.dropped'), totals.completion.dropped, threshold, fmt, isWithheld(totals, 'completion.dropped')),
            countFigure('active', t('dashboard.completion.active'), totals.completion.active, threshold, fmt, isWithheld(totals, 'completion.active')),
          ]}
          valueLabel={people}
          threshold={threshold}
          format={fmt}
          horizontal
          color="grape.6"
        />
        <FigureChart
          id="chart-follow-ups"
          title={t('dashboard.charts.followUps')}
          help={t('dashboard.charts.followUpsHelp')}
          figures={followUpFigures(totals, threshold, (o) => t(`dashboard.followUps.${o}`), fmt)}
          valueLabel={t('dashboard.chart.followUps')}
          threshold={threshold}
          format={fmt}
          horizontal
          color="cyan.7"
        />
        <FigureChart
          id="chart-rehab-types"
          title={t('dashboard.charts.rehabTypes')}
          help={t('dashboard.charts.rehabTypesHelp')}
          figures={rehabTypeFigures(totals, threshold, (r) => t(`dashboard.rehabTypes.${r}`), fmt)}
          valueLabel={t('dashboard.chart.enrolments')}
          threshold={threshold}
          format={fmt}
          horizontal
          color="teal.6"
        />
      </SimpleGrid>
    </section>
  );
}
