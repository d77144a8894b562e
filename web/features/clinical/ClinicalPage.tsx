import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { clinicalKeys, fetchAssessments, fetchScreenings, type ScreeningRecord } from './api.ts';
import { ClassBadge, RiskBadge } from './Badges.tsx';
import { PersonLoadError, usePerson } from './person.tsx';
import { ScreeningResult } from './ScreeningResult.tsx';
import { StartAssessmentButton } from './StartAssessmentButton.tsx';

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
  const openDraft = assessments.data?.find((a) => a.status === 'draft');

  return (
    <>
      <Anchor component={Link} to={`/wbp/${w.id}`} size="sm" className="no-print">
        ← {t('clinical.page.backToDetail')}
      </Anchor>
      <PageTitle
        title={t('clinical.page.titleFor', { name: w.fullName })}
        subtitle={`${w.sdpNumber} · ${w.facilityName}`}
        actions={
          <Button variant="default" onClick={() => window.print()}>
            {t('common.print')}
          </Button>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-labelledby="screenings-heading">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} size="h4" id="screenings-heading">{t('clinical.page.screenings')}</Title>
            {can('screening.write') ? (
              <Button component={Link} to={`/wbp/${w.id}/skrining/baru`} variant={latest ? 'default' : 'filled'} className="no-print">
                {latest ? t('clinical.page.rescreen') : t('clinical.page.screen')}
              </Button>
            ) : null}
          </Group>
          <ErrorAlert error={screenings.error} onRetry={() => void screenings.refetch()} />
          {screenings.isPending ? (
            <Loading />
          ) : screenings.data && screenings.data.length === 0 ? (
            <Text size="sm" c="dimmed">{t('clinical.page.noScreenings')}</Text>
          ) : screenings.data ? (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" aria-labelledby="screenings-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('clinical.page.screenedOn')}</Table.Th>
                    <Table.Th scope="col">{t('clinical.result.overall')}</Table.Th>
                    <Table.Th scope="col">{t('clinical.page.by')}</Table.Th>
                    <Table.Th scope="col">{t('clinical.page.dueOn')}</Table.Th>
                    <Table.Th scope="col" className="no-print"><span className="visually-hidden">{t('common.actions')}</span></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {screenings.data.map((s) => (
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
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="assessments-heading">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} size="h4" id="assessments-heading">{t('clinical.page.assessments')}</Title>
            {can('assessment.write') ? (
              <Group gap="xs" className="no-print">
                <StartAssessmentButton wbpId={w.id} screeningId={latest?.id ?? null} variant={openDraft ? 'default' : 'filled'} />
              </Group>
            ) : null}
          </Group>
          {openDraft ? <Text size="sm" mb="sm">{t('clinical.page.draftOpen')}</Text> : null}
          {!latest && can('assessment.write') ? <Text size="sm" c="dimmed" mb="sm">{t('clinical.page.noScreeningYet')}</Text> : null}
          <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />
          {assessments.isPending ? (
            <Loading />
          ) : assessments.data && assessments.data.length === 0 ? (
            <Text size="sm" c="dimmed">{t('clinical.page.noAssessments')}</Text>
          ) : assessments.data ? (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" aria-labelledby="assessments-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('clinical.page.status')}</Table.Th>
                    <Table.Th scope="col">{t('clinical.page.finalClass')}</Table.Th>
                    <Table.Th scope="col">{t('clinical.page.createdBy')}</Table.Th>
                    <Table.Th scope="col">{t('clinical.page.updatedAt')}</Table.Th>
                    <Table.Th scope="col">{t('clinical.page.signed')}</Table.Th>
                    <Table.Th scope="col" className="no-print"><span className="visually-hidden">{t('common.actions')}</span></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {assessments.data.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Badge variant={a.status === 'signed' ? 'filled' : 'outline'} color={a.status === 'signed' ? 'teal.8' : 'gray.7'} tt="none">
                          {t(`clinical.status.${a.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td><ClassBadge value={a.finalClass} size="sm" /></Table.Td>
                      <Table.Td>{a.createdBy ?? '—'}</Table.Td>
                      <Table.Td>{formatDateTime(a.updatedAt)}</Table.Td>
                      <Table.Td>{a.signedAt ? t('clinical.page.signedByAt', { name: a.signedBy ?? '—', at: formatDateTime(a.signedAt) }) : '—'}</Table.Td>
                      <Table.Td className="no-print">
                        <Button component={Link} to={`/asesmen/${a.id}`} size="xs" variant="light">
                          {a.status === 'draft' && can('assessment.write') ? t('clinical.page.continue') : t('clinical.page.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Paper>
      </Stack>

      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown ? t('clinical.page.resultOf', { date: formatDate(shown.screenedOn) }) : ''} size="xl">
        {shown ? (
          <Stack>
            <Text size="sm" c="dimmed">{t('clinical.page.screenedBy', { name: shown.screenedBy ?? '—' })}</Text>
            <ScreeningResult
              record={shown}
              actions={
                shown.result.overall !== 'low' && can('assessment.write') ? (
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
