import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { AgreementStatusBadge } from '../../components/AgreementStatus.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { agreementAlertsKey, fetchAgreementAlerts } from './api.ts';

/**
 * Agreements ending soon or lately ended, each a link to the agreement, so they are renewed before
 * partner staff lose access. Nothing at all when there are none.
 */
export function AgreementAlerts() {
  const { t } = useTranslation();
  const alerts = useQuery({ queryKey: agreementAlertsKey, queryFn: ({ signal }) => fetchAgreementAlerts(signal) });
  if (alerts.error) return <ErrorAlert error={alerts.error} title={t('agreements.alerts.title')} onRetry={() => void alerts.refetch()} />;
  if (!alerts.data || alerts.data.length === 0) return null;
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="agreement-alerts">
      <Title order={2} size="h4" id="agreement-alerts">{t('agreements.alerts.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('agreements.alerts.help')}</Text>
      <DataTable
        minWidth={640}
        aria-labelledby="agreement-alerts"
        columns={[t('agreements.number'), t('agreements.parties'), t('agreements.validUntil'), t('agreements.status')]}
      >
        <Table.Tbody>
          {alerts.data.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/perjanjian/${a.id}`} size="sm">{a.number}</Anchor>
                <Text size="xs" c="dimmed">{a.title}</Text>
              </Table.Td>
              <Table.Td><Text size="sm">{a.parties.map((p) => p.name).join('; ')}</Text></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.validUntil)}</Table.Td>
              <Table.Td miw={150}><AgreementStatusBadge agreement={a} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
      <Anchor component={Link} to="/perjanjian" size="sm" mt="sm" display="inline-block" className="no-print">{t('agreements.alerts.all')}</Anchor>
    </Paper>
  );
}

