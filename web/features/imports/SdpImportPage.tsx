import { useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Code, Group, Input, List, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SDP_COLUMNS, SDP_REQUIRED_COLUMNS, type ImportReport } from '../../../shared/contracts/sdp.ts';
import { formatNumber } from '../../app/format.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { importSdp } from './api.ts';

const EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`${SDP_COLUMNS.join(',')}\r\n`)}`;
const REQUIRED: readonly string[] = SDP_REQUIRED_COLUMNS;

export function SdpImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);

  // The report says which file it is about and whether it was only a check: the run's own variables.
  const mutation = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) => importSdp(chosen, dryRun, setProgress),
    onMutate: () => setProgress(0),
    onSuccess: (report) => {
      if (report.status === 'imported') void queryClient.invalidateQueries({ queryKey: ['wbp'] });
    },
  });

  const run = (dryRun: boolean) => {
    if (!file) {
      setFileError(t('imports.chooseFileFirst'));
      fileInput.current?.focus();
      return;
    }
    setFileError(null);
    mutation.mutate({ chosen: file, dryRun });
  };

  // Enter in the form checks the file; importing is always a deliberate click.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(true);
  };

  return (
    <>
      <PageTitle title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mb="md">
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Input.Wrapper
                id="sdp-file"
                label={t('imports.file')}
                description={t('imports.fileHelp')}
                error={fileError}
              >
                <input
                  ref={fileInput}
                  id="sdp-file"
                  className="native-file"
                  type="file"
                  accept=".csv,text/csv"
                  required
                  aria-invalid={!!fileError}
                  aria-describedby={fileError ? 'sdp-file-error sdp-file-description' : 'sdp-file-description'}
                  onChange={(e) => {
                    setFile(e.currentTarget.files?.[0] ?? null);
                    setFileError(null);
                    mutation.reset();
                  }}
                />
              </Input.Wrapper>
              {file ? (
                <Text size="sm" c="dimmed">
                  {t('imports.selected', { name: file.name, size: formatNumber(file.size / 1024, 1) })}
                </Text>
              ) : null}
              <Group>
                <Button type="submit" variant="default" disabled={mutation.isPending}>
                  {t('imports.check')}
                </Button>
                <Button onClick={() => run(false)} disabled={mutation.isPending}>
                  {t('imports.import')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">{t('imports.buttonsHelp')}</Text>
              {mutation.isPending ? <UploadProgress fraction={progress} /> : null}
            </Stack>
          </form>
        </Paper>
        <ColumnsHelp />
      </SimpleGrid>

      <ErrorAlert error={mutation.error} />
      {mutation.data && mutation.variables ? (
        <ReportView report={mutation.data} dryRun={mutation.variables.dryRun} fileName={mutation.variables.chosen.name} />
      ) : null}
    </>
  );
}

function UploadProgress({ fraction }: { fraction: number }) {
  const { t } = useTranslation();
  const uploading = fraction < 1;
  const percent = Math.round(fraction * 100);
  return (
    <div role="status" aria-live="polite">
      <Text size="sm" mb={4}>
        {uploading ? t('imports.uploading', { percent }) : t('imports.processing')}
      </Text>
      <Progress
        value={uploading ? percent : 100}
        striped={!uploading}
        animated={!uploading}
        aria-label={uploading ? t('imports.uploading', { percent }) : t('imports.processing')}
      />
    </div>
  );
}

function ColumnsHelp() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">{t('imports.columnsTitle')}</Title>
      <Text size="sm" mb="xs">{t('imports.columnsIntro')}</Text>
      <List size="sm" spacing={2} mb="sm">
        {SDP_COLUMNS.map((c) => (
          <List.Item key={c}>
            <Code>{c}</Code>
            {REQUIRED.includes(c) ? <Text span size="sm" fw={600}> ({t('imports.required')})</Text> : null}
            {' — '}
            {t(`imports.column.${c}`)}
          </List.Item>
        ))}
      </List>
      <Anchor href={EXAMPLE_HREF} download="contoh-sdp.csv" size="sm">
        {t('imports.downloadExample')}
      </Anchor>
    </Paper>
  );
}

function ReportView({ report, dryRun, fileName }: { report: ImportReport; dryRun: boolean; fileName: string }) {
  const { t } = useTranslation();
  const rejected = report.status === 'rejected' || report.rejectedTotal > 0;
  const counts: [string, number][] = [
    [t('imports.rowsRead'), report.rowsRead],
    [t('imports.created'), report.created],
    [t('imports.updated'), report.updated],
    [t('imports.transferred'), report.transferred],
    [t('imports.unchanged'), report.unchanged],
    [t('imports.rejectedRowsCount'), report.rejectedRows],
    [t('imports.rejectedCount'), report.rejectedTotal],
  ];
  return (
    <Stack gap="md" aria-live="polite">
      {rejected ? (
        <Alert color="red" role="alert" title={t('imports.rejectedTitle', { count: report.rejectedTotal, rows: report.rejectedRows })}>
          {t('imports.rejectedBody', { file: fileName })}
        </Alert>
      ) : dryRun || report.status === 'checked' ? (
        <Alert color="blue" role="status" title={t('imports.checkedTitle')}>
          {t('imports.checkedBody', { file: fileName })}
        </Alert>
      ) : (
        <Alert color="teal" role="status" title={t('imports.importedTitle')}>
          {t('imports.importedBody', { file: fileName })}{' '}
          <Anchor component={Link} to="/wbp">{t('imports.toList')}</Anchor>
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm" id="import-counts">
          {rejected ? t('imports.summary') : dryRun ? t('imports.countsIfImported') : t('imports.counts')}
        </Title>
        <Table aria-labelledby="import-counts" withRowBorders={false} maw={420}>
          <Table.Tbody>
            {counts.map(([label, n]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={400}>{label}</Table.Th>
                <Table.Td ta="right" fw={600}>{formatNumber(n)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {report.rejected.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs" id="rejected-heading">{t('imports.rejectedRows')}</Title>
          {report.rejectedTotal > report.rejected.length ? (
            <Text size="sm" mb="xs">{t('imports.rejectedCapped', { shown: report.rejected.length, total: report.rejectedTotal })}</Text>
          ) : null}
          <DataTable
            minWidth={600}
            striped
            aria-labelledby="rejected-heading"
            columns={[t('imports.line'), t('imports.field'), t('imports.reason'), t('imports.value')]}
          >
            <Table.Tbody>
              {report.rejected.map((r, i) => (
                <Table.Tr key={`${r.line}-${r.field}-${i}`}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td><Code>{r.field}</Code></Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{r.value ?? ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </Paper>
      ) : null}
    </Stack>
  );
}
