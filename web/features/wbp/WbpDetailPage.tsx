import { lazy, Suspense } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WbpDetail } from '../../../shared/contracts/wbp.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime, formatDuration, formatSentence, todayIso } from '../../app/format.ts';
import { careTabPath } from '../../components/CareTabs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PersonHeader, PersonLoadError } from '../../components/PersonHeader.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { fetchWbp, wbpKeys } from './api.ts';
import { AttendanceSection } from './AttendanceSection.tsx';

// The transfer form pulls in the searchable select; most visits never open it.
const TransferModal = lazy(() => import('./TransferModal.tsx').then((m) => ({ default: m.TransferModal })));

export function WbpDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const transfer = useDialog<true>();
  const detail = useQuery({ queryKey: wbpKeys.detail(id), queryFn: ({ signal }) => fetchWbp(id, signal) });

  if (detail.isPending) return <Loading />;
  if (detail.error) return <PersonLoadError error={detail.error} title={t('wbp.detailTitle')} onRetry={() => void detail.refetch()} />;

  const w = detail.data;
  // A released person's record is kept as it was: no edit, no transfer (the server refuses them too).
  const held = w.releasedOn === null;
  return (
    <>
      <PersonHeader
        person={w}
        back={{ to: '/wbp', label: t('wbp.backToList') }}
        actions={
          <>
            {can('clinical.read', w.facilityId) ? (
              <Button component={Link} to={`/wbp/${w.id}/klinis`} variant="filled">
                {t('clinical.page.title')}
              </Button>
            ) : null}
            {can('clinical.read', w.facilityId) ? (
              <Button component={Link} to={careTabPath(w.id, 'record')} variant="light">
                {t('care.tabs.label')}
              </Button>
            ) : null}
            <Button component={Link} to={`/wbp/${w.id}/pengamanan`} variant="default">
              {t('wbp.safeguards')}
            </Button>
            {held && can('wbp.write', w.facilityId) ? (
              <Button component={Link} to={`/wbp/${w.id}/edit`} variant="default">
                {t('wbp.edit')}
              </Button>
            ) : null}
            {held && can('wbp.transfer', w.facilityId) ? (
              <Button variant="default" onClick={() => transfer.open(true)}>
                {t('wbp.transfer')}
              </Button>
            ) : null}
            <Button variant="default" onClick={() => window.print()}>
              {t('common.print')}
            </Button>
          </>
        }
      />
      <Text className="print-only" size="xs" mb="sm">
        {t('wbp.printedAt', { date: formatDateTime(new Date().toISOString()) })}
      </Text>
      {w.releasedOn ? (
        <Alert color="gray" mb="md" title={t('wbp.releasedSince', { date: formatDate(w.releasedOn) })}>
          <Group gap="xs" mb={4}>
            {w.releaseKind ? <Badge variant="light">{t(`aftercare.releaseKind.${w.releaseKind}`)}</Badge> : null}
            {can('clinical.read', w.facilityId) ? (
              <Anchor component={Link} to={`/wbp/${w.id}/pembebasan`} size="sm">{t('wbp.releasedAftercare')}</Anchor>
            ) : null}
          </Group>
          <Text size="sm">{t('wbp.releasedHelp')}</Text>
        </Alert>
      ) : null}
      <WbpFacts w={w} />
      {can('clinical.read', w.facilityId) ? <AttendanceSection wbpId={w.id} /> : null}
      {can('wbp.transfer', w.facilityId) && transfer.subject ? (
        <Suspense fallback={<Loading />}>
          <TransferModal wbp={w} opened onClose={transfer.close} />
        </Suspense>
      ) : null}
    </>
  );
}

function WbpFacts({ w }: { w: WbpDetail }) {
  const { t } = useTranslation();
  const today = todayIso();
  const sex = w.sex === 'L' ? t('sex.L') : t('sex.P');
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">{t('wbp.identity')}</Title>
          <dl className="facts">
            <dt>{t('wbp.sdpNumber')}</dt>
            <dd><Text span size="sm" ff="monospace">{w.sdpNumber}</Text></dd>
            <dt>{t('wbp.fullName')}</dt>
            <dd>{w.fullName}</dd>
            <dt>{t('wbp.sex')}</dt>
            <dd>{sex}</dd>
            <dt>{t('wbp.birthDate')}</dt>
            <dd>
              {formatDate(w.birthDate)}
              {w.ageYears !== null ? ` (${t('wbp.age', { count: w.ageYears })})` : ''}
            </dd>
            <dt>{t('wbp.birthPlace')}</dt>
            <dd>{w.birthPlace ?? '—'}</dd>
            <dt>{t('wbp.source')}</dt>
            <dd>{t(`wbp.sourceValue.${w.source}`)}</dd>
          </dl>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">{t('wbp.legalSection')}</Title>
          <dl className="facts">
            <dt>{t('wbp.legalStatus')}</dt>
            <dd><Badge variant="light" tt="none">{t(`legalStatus.${w.legalStatus}`)}</Badge></dd>
            <dt>{t('wbp.caseArticles')}</dt>
            <dd>
              {w.caseArticles.length === 0 ? '—' : (
                <Group gap={4}>
                  {w.caseArticles.map((a) => <Badge key={a} variant="outline" color="gray" tt="none">{a}</Badge>)}
                </Group>
              )}
            </dd>
            <dt>{t('wbp.sentence')}</dt>
            <dd>{formatSentence(w.sentenceMonths)}</dd>
          </dl>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">{t('wbp.placement')}</Title>
          <dl className="facts">
            <dt>{t('wbp.facility')}</dt>
            <dd>{w.facilityName}</dd>
            <dt>{t('wbp.block')}</dt>
            <dd>{w.block ?? '—'}</dd>
            <dt>{t('wbp.room')}</dt>
            <dd>{w.room ?? '—'}</dd>
            <dt>{t('wbp.admissionDate')}</dt>
            <dd>
              {formatDate(w.admissionDate)}
              {w.admissionDate <= today ? ` (${t('wbp.heldFor', { duration: formatDuration(w.admissionDate, today) })})` : ''}
            </dd>
            <dt>{t('wbp.expectedReleaseDate')}</dt>
            <dd>
              {formatDate(w.expectedReleaseDate)}
              {w.expectedReleaseDate && w.expectedReleaseDate > today
                ? ` (${t('wbp.releaseIn', { duration: formatDuration(today, w.expectedReleaseDate) })})`
                : w.expectedReleaseDate ? ` (${t('wbp.releasePassed')})` : ''}
            </dd>
          </dl>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">{t('wbp.record')}</Title>
          <dl className="facts">
            <dt>{t('wbp.createdAt')}</dt>
            <dd>{formatDateTime(w.createdAt)}</dd>
            <dt>{t('wbp.updatedAt')}</dt>
            <dd>{formatDateTime(w.updatedAt)}</dd>
          </dl>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm" id="transfers-heading">{t('wbp.transfers')}</Title>
        {w.transfers.length === 0 ? (
          <Text size="sm" c="dimmed">{t('wbp.noTransfers')}</Text>
        ) : (
          <DataTable
            minWidth={600}
            aria-labelledby="transfers-heading"
            columns={[t('wbp.transferDate'), t('wbp.transferFrom'), t('wbp.transferTo'), t('wbp.transferReason'), t('wbp.recordedBy')]}
          >
            <Table.Tbody>
              {w.transfers.map((tr) => (
                <Table.Tr key={tr.id}>
                  <Table.Td>{formatDate(tr.transferDate)}</Table.Td>
                  <Table.Td>{tr.fromFacilityName}</Table.Td>
                  <Table.Td>{tr.toFacilityName}</Table.Td>
                  <Table.Td>{tr.reason}</Table.Td>
                  <Table.Td>{tr.recordedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        )}
      </Paper>
    </>
  );
}
