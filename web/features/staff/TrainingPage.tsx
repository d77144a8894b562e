import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { fetchTraining, staffKeys } from './api.ts';

/** One training with its participants, laid out to print as the attendance record. */
export function TrainingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const training = useQuery({ queryKey: staffKeys.training(id), queryFn: ({ signal }) => fetchTraining(id, signal) });

  return (
    <QueryView query={training}>
      {(tr) => (
        <>
          <Anchor component={Link} to="/pelatihan" size="sm" className="no-print">{t('staff.training.back')}</Anchor>
          <PageTitle
            title={tr.title}
            subtitle={`${t(`staff.trainingKind.${tr.kind}`)} · ${tr.facilityName}`}
            actions={<Button variant="default" className="no-print" onClick={() => window.print()}>{t('staff.training.print')}</Button>}
          />
          <Paper withBorder p="md" mb="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Field label={t('staff.trainings.dates')} value={`${formatDate(tr.startsOn)}${tr.endsOn !== tr.startsOn ? ` – ${formatDate(tr.endsOn)}` : ''}`} />
              <Field label={t('staff.training.hours')} value={formatNumber(tr.hours, 1)} />
              <Field label={t('staff.trainings.organizer')} value={tr.organizerName ?? '—'} />
              <Field label={t('staff.training.place')} value={tr.place} />
              <Field label={t('staff.training.createdBy')} value={tr.createdBy} />
              <Field label={t('staff.trainings.completed')} value={`${formatNumber(tr.completed)} / ${formatNumber(tr.participants)}`} />
            </SimpleGrid>
            {tr.note ? <Text mt="sm" size="sm">{tr.note}</Text> : null}
          </Paper>
          <DataTable
            minWidth={760}
            aria-label={t('staff.training.participantsTable')}
            columns={[
              '#', t('staff.training.name'), t('staff.training.position'), { label: t('staff.training.hoursAttended'), align: 'right' }, t('staff.training.result'),
              t('staff.training.certificateNumber'),
            ]}
          >
            <Table.Tbody>
              {tr.participantList.map((p, i) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>{p.name}</Text>
                    {p.sdpNumber ? <Text size="xs" ff="monospace" c="dimmed">{p.sdpNumber}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{[p.position, p.organizationName].filter(Boolean).join(' · ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(p.hoursAttended, 1)}</Table.Td>
                  <Table.Td>
                    {p.result ? <Badge variant="light" color={p.result === 'completed' ? 'teal' : 'gray'}>{t(`staff.result.${p.result}`)}</Badge> : t('staff.result.none')}
                  </Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{p.certificateNumber ?? '—'}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </>
      )}
    </QueryView>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed">{label}:</Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
}
