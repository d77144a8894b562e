import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PersonHeader, PersonLoadError } from '../../components/PersonHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { clinicalKeys, fetchAssessments, fetchScreenings, type ScreeningRecord } from './api.ts';
import { ClassBadge, RiskBadge } from './Badges.tsx';
import { usePerson } from './person.tsx';
import { ScreeningResult } from './ScreeningResult.tsx';
import { StartAssessmentButton } from './StartAssessmentButton.tsx';

const ACTIONS_COLUMN = { hidden: true, className: 'no-print' } as const;

/** A person's screenings and assessments, newest first, with the next steps. */
export function ClinicalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const person = usePerson(id);
  const screenings = useQuery({ queryKey: clinicalKeys.screenings(id), queryFn: ({ signal }) => fetchScreenings(id, signal) });
  const assessments = useQuery({ queryKey: clinicalKeys.assessments(id), queryFn: ({ signal }) => fetchAssessments(id, signal) });
  const [shown, setShown] = useState<ScreeningRecord | null>(null);

  if (person.isPending) return <Loading />;
  if (person.error) return <PersonLoadError error={person.error} title={t('clinical.page.title')} onRetry={() => void person.refetch()} />;
  const w = person.data;
  const latest = screenings.data?.[0] ?? null;
  // A re-assessment's draft is started from the progress page; this one is about an initial assessment.
  const openDraft = assessments.data?.find((a) => a.status === 'draft' && a.purpose === 'initial');

  return (
    <>
      <PersonHeader
        person={w}
        title={t('clinical.page.titleFor', { name: w.fullName })}
        back={{ to: `/wbp/${w.id}`, label: t('clinical.page.backToDetail') }}
        actions={
          <Button variant="default" onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        }
      />
      <Stack gap="md">
        <Section
          id="screenings-heading"
          title={t('clinical.page.screenings')}
          actions={
            can('screening.write', w.facilityId) ? (
              <Button component={Link} to={`/wbp/${w.id}/skrining/baru`} variant={latest ? 'default' : 'filled'} className="no-print">
                {latest ? t('clinical.page.rescreen') : t('clinical.page.screen')}
              </Button>
            ) : null
          }
        >
          <QueryView query={screenings} empty={<Text size="sm" c="dimmed">{t('clinical.page.noScreenings')}</Text>}>
            {(items) => (
              <DataTable
                minWidth={640}
                aria-labelledby="screenings-heading"
                columns={[
                  t('clinical.page.screenedOn'),
                  t('clinical.result.overall'),
                  t('clinical.page.by'),
                  t('clinical.page.dueOn'),
                  { label: t('common.actions'), ...ACTIONS_COLUMN },
                ]}
              >
                <Table.Tbody>
                  {items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{formatDate(s.screenedOn)}</Table.Td>
                      <Table.Td><RiskBadge risk={s.result.overall} size="sm" /></Table.Td>
                      <Table.Td>{s.screenedBy ?? '—'}</Table.Td>
                      <Table.Td>{s.result.overall === 'low' ? '—' : formatDate(s.decisionDueOn)}</Table.Td>
                      <Table.Td className="no-print">
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setShown(s)}
                          aria-label={t('clinical.page.showResultOf', { date: formatDate(s.screenedOn) })}
                        >
                          {t('clinical.page.showResult')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
            )}
          </QueryView>
        </Section>

        <Section
          id="assessments-heading"
          title={t('clinical.page.assessments')}
          actions={
            can('assessment.write', w.facilityId) ? (
              <Group gap="xs" className="no-print">
                <StartAssessmentButton wbpId={w.id} screeningId={latest?.id ?? null} variant={openDraft ? 'default' : 'filled'} />
              </Group>
            ) : null
          }
        >
          {openDraft ? <Text size="sm" mb="sm">{t('clinical.page.draftOpen')}</Text> : null}
          {!latest && can('assessment.write', w.facilityId) ? <Text size="sm" c="dimmed" mb="sm">{t('clinical.page.noScreeningYet')}</Text> : null}
          <QueryView query={assessments} empty={<Text size="sm" c="dimmed">{t('clinical.page.noAssessments')}</Text>}>
            {(items) => (
              <DataTable
                minWidth={720}
                aria-labelledby="assessments-heading"
                columns={[
                  t('clinical.page.status'),
                  t('clinical.page.finalClass'),
                  t('clinical.page.createdBy'),
                  t('clinical.page.updatedAt'),
                  t('clinical.page.signed'),
                  { label: t('common.actions'), ...ACTIONS_COLUMN },
                ]}
              >
                <Table.Tbody>
                  {items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Badge variant={a.status === 'signed' ? 'filled' : 'outline'} color={a.status === 'signed' ? 'teal.8' : 'gray.7'} tt="none">
                          {t(`clinical.status.${a.status}`)}
                        </Badge>
                        {a.purpose === 'follow_up' ? (
                          <Badge variant="light" color="blue.8" tt="none" ml={4}>
                            {t('care.progress.assessmentBanner.listBadge', { point: a.followUpPoint ?? '' })}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td><ClassBadge value={a.finalClass} size="sm" /></Table.Td>
                      <Table.Td>{a.createdBy ?? '—'}</Table.Td>
                      <Table.Td>{formatDateTime(a.updatedAt)}</Table.Td>
                      <Table.Td>{a.signedAt ? t('clinical.page.signedByAt', { name: a.signedBy ?? '—', at: formatDateTime(a.signedAt) }) : '—'}</Table.Td>
                      <Table.Td className="no-print">
                        <Button component={Link} to={`/asesmen/${a.id}`} size="xs" variant="light">
                          {a.status === 'draft' && can('assessment.write', w.facilityId) ? t('clinical.page.continue') : t('clinical.page.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
            )}
          </QueryView>
        </Section>
      </Stack>

      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown ? t('clinical.page.resultOf', { date: formatDate(shown.screenedOn) }) : ''} size="xl">
        {shown ? (
          <Stack>
            <Text size="sm" c="dimmed">{t('clinical.page.screenedBy', { name: shown.screenedBy ?? '—' })}</Text>
            <ScreeningResult
              record={shown}
              actions={
                shown.result.overall !== 'low' && can('assessment.write', w.facilityId) ? (
                  <StartAssessmentButton wbpId={w.id} screeningId={shown.id} />
                ) : undefined
              }
            />
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
