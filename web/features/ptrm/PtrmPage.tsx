import type { ReactNode } from 'react';
import { Alert, Divider, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { HandoverReason } from '../../../shared/contracts/notes.ts';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { daysBetween } from '../../../shared/domain/dates.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatNumber, todayIso } from '../../app/format.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { fetchPtrm, letterUrl, ptrmKeys, type HandoverRecord, type PtrmRecord } from './api.ts';
import { DoseForm, EndPtrmForm, HandoverForm, StartPtrmForm } from './PtrmForms.tsx';

/** Days before the expected release from which the page asks for a hand-over letter. */
const RELEASE_WARNING_DAYS = 30;

/** Whole days until the expected release, when that is today or within the warning window. */
function daysToRelease(w: WbpDetail): number | null {
  if (!w.expectedReleaseDate) return null;
  const days = daysBetween(todayIso(), w.expectedReleaseDate);
  return days >= 0 && days <= RELEASE_WARNING_DAYS ? days : null;
}

/** Methadone (PTRM) continuity for one person: the current record, reported doses, hand-over letters, history. */
export function PtrmPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const overview = useQuery({ queryKey: ptrmKeys.overview(id), queryFn: ({ signal }) => fetchPtrm(id, signal), enabled: !!id });

  return (
    <CarePage wbpId={id} tab="ptrm">
      {(w) => {
        const releaseIn = daysToRelease(w);
        const canWrite = can('care.write', w.facilityId);
        return (
          <>
            <Text size="sm" c="dimmed" mb="md">{t('care.notes.ptrm.intro')}</Text>
            {releaseIn !== null ? (
              <Alert color="yellow" role="alert" mb="md">
                {releaseIn === 0
                  ? t('care.notes.ptrm.releaseToday', { date: formatDate(w.expectedReleaseDate) })
                  : t('care.notes.ptrm.releaseSoon', { date: formatDate(w.expectedReleaseDate), days: releaseIn })}
              </Alert>
            ) : null}
            <QueryView query={overview}>
              {({ current, past }) => (
                <Stack gap="md">
                  {current ? (
                    <CurrentRecord record={current} canWrite={canWrite} defaultReason={releaseIn !== null ? 'release' : 'transfer'} />
                  ) : (
                    <Section id="ptrm-current-heading" title={t('care.notes.ptrm.currentTitle')}>
                      <Text size="sm" mb={canWrite ? 'md' : 0}>{t('care.notes.ptrm.none')}</Text>
                      {canWrite ? <StartPtrmForm wbpId={w.id} /> : null}
                    </Section>
                  )}
                  {past.length > 0 ? <PastRecords records={past} /> : null}
                </Stack>
              )}
            </QueryView>
          </>
        );
      }}
    </CarePage>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** A form under what it adds to, set apart by a rule; not printed. */
function FormBelow({ children }: { children: ReactNode }) {
  return (
    <div className="no-print">
      <Divider my="md" />
      {children}
    </div>
  );
}

function CurrentRecord({ record, canWrite, defaultReason }: { record: PtrmRecord; canWrite: boolean; defaultReason: HandoverReason }) {
  const { t } = useTranslation();
  const latest = record.doses[0];
  return (
    <>
      <Section id="ptrm-current-heading" title={t('care.notes.ptrm.currentTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <Fact label={t('care.notes.ptrm.clinic')}>{record.clinicName}</Fact>
          <Fact label={t('care.notes.ptrm.startedOn')}>{formatDate(record.startedOn)}</Fact>
          <Fact label={t('care.notes.ptrm.latestDose')}>
            {latest
              ? t('care.notes.ptrm.doseLine', { dose: formatNumber(latest.doseMg, 1), date: formatDate(latest.reportedOn), source: latest.source })
              : t('care.notes.ptrm.noDose')}
          </Fact>
          <Fact label={t('care.notes.ptrm.noteLabel')}>{record.note ?? '—'}</Fact>
        </SimpleGrid>
        {canWrite ? <FormBelow><EndPtrmForm record={record} /></FormBelow> : null}
      </Section>

      <Section id="ptrm-doses-heading" title={t('care.notes.ptrm.dosesTitle')}>
        {record.doses.length === 0 ? (
          <Text size="sm" c="dimmed">{t('care.notes.ptrm.dosesEmpty')}</Text>
        ) : (
          <DataTable
            minWidth={560}
            fz="sm"
            aria-labelledby="ptrm-doses-heading"
            columns={[t('care.notes.ptrm.reportedOn'), { label: t('care.notes.ptrm.doseMg'), align: 'right' }, t('care.notes.ptrm.source'), t('care.notes.ptrm.recordedBy')]}
          >
            <Table.Tbody>
              {record.doses.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Th scope="row" fw={500}>{formatDate(d.reportedOn)}</Table.Th>
                  <Table.Td ta="right">{formatNumber(d.doseMg, 1)}</Table.Td>
                  <Table.Td>{d.source}</Table.Td>
                  <Table.Td>{d.recordedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
        {canWrite ? <FormBelow><DoseForm record={record} /></FormBelow> : null}
      </Section>

      <Section id="ptrm-handovers-heading" title={t('care.notes.ptrm.handoversTitle')}>
        {record.handovers.length === 0 ? (
          <Text size="sm" c="dimmed">{t('care.notes.ptrm.handoversEmpty')}</Text>
        ) : (
          <HandoverTable handovers={record.handovers} labelledBy="ptrm-handovers-heading" />
        )}
        {canWrite ? <FormBelow><HandoverForm record={record} defaultReason={defaultReason} /></FormBelow> : null}
      </Section>
    </>
  );
}

function DownloadLetter({ handover }: { handover: HandoverRecord }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      path={letterUrl(handover.id)}
      fileName="serah-terima-ptrm.pdf"
      size="xs"
      variant="light"
      className="no-print"
      aria-label={t('care.notes.ptrm.downloadFor', { to: handover.toName, date: formatDate(handover.issuedOn) })}
    >
      {t('care.notes.ptrm.download')}
    </DownloadButton>
  );
}

function HandoverTable({ handovers, labelledBy }: { handovers: HandoverRecord[]; labelledBy: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={640}
      fz="sm"
      aria-labelledby={labelledBy}
      columns={[
        t('care.notes.ptrm.issuedOn'), t('care.notes.ptrm.reason'), t('care.notes.ptrm.toName'), t('care.notes.ptrm.issuedBy'),
        { label: t('common.actions'), hidden: true, className: 'no-print' },
      ]}
    >
      <Table.Tbody>
        {handovers.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Th scope="row" fw={500}>{formatDate(h.issuedOn)}</Table.Th>
            <Table.Td>{t(`care.notes.ptrm.reasons.${h.reason}`)}</Table.Td>
            <Table.Td>{h.toName}</Table.Td>
            <Table.Td>{h.issuedBy ?? '—'}</Table.Td>
            <Table.Td className="no-print"><DownloadLetter handover={h} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}

function PastRecords({ records }: { records: PtrmRecord[] }) {
  const { t } = useTranslation();
  return (
    <Section id="ptrm-past-heading" title={t('care.notes.ptrm.pastTitle')}>
      <DataTable
        minWidth={720}
        fz="sm"
        aria-labelledby="ptrm-past-heading"
        columns={[
          t('care.notes.ptrm.clinic'), t('care.notes.ptrm.startedOn'), t('care.notes.ptrm.endedOnColumn'), t('care.notes.ptrm.lastDose'),
          t('care.notes.ptrm.letters'),
        ]}
      >
        <Table.Tbody>
          {records.map((r) => {
            const last = r.doses[0];
            return (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>{r.clinicName}</Table.Th>
                <Table.Td>{formatDate(r.startedOn)}</Table.Td>
                <Table.Td>{formatDate(r.endedOn)}</Table.Td>
                <Table.Td>{last ? `${formatNumber(last.doseMg, 1)} mg (${formatDate(last.reportedOn)})` : '—'}</Table.Td>
                <Table.Td>
                  {r.handovers.length === 0 ? '—' : (
                    <Stack gap={4}>
                      {r.handovers.map((h) => (
                        <div key={h.id}>
                          <Text size="sm">{`${t(`care.notes.ptrm.reasons.${h.reason}`)} · ${h.toName} · ${formatDate(h.issuedOn)}`}</Text>
                          <DownloadLetter handover={h} />
                        </div>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </DataTable>
    </Section>
  );
}
