import { useRef, useState } from 'react';
import { Anchor, Badge, Button, FileButton, Group, Progress, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_DOCUMENT_TYPES, terminateAgreementBody, type AgreementRecord } from '../../../shared/contracts/agreements.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../../app/format.ts';
import { validate } from '../../app/validation.ts';
import { AgreementStatusBadge } from '../../components/AgreementStatus.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Section } from '../../components/Section.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { useFormFields } from '../../components/useFormFields.ts';
import { agreementKeys, documentPath, fetchAgreement, terminateAgreement, uploadDocument } from './api.ts';
import { checkDocument, fileSize, MAX_DOCUMENT_MB } from './form.ts';
import { validity } from './parts.tsx';

/** One agreement, to read and to print: its facts, parties, scope, documents; changed and ended by those who manage it. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agreement = useQuery({ queryKey: agreementKeys.detail(id), queryFn: ({ signal }) => fetchAgreement(id, signal), enabled: !!id });
  const terminate = useDialog<AgreementRecord>();
  // Ending the agreement takes away the button that opened the dialog: the focus goes to the status it changed.
  const statusRef = useRef<HTMLElement>(null);

  if (agreement.isPending) return <Loading />;
  if (agreement.error) {
    const missing = agreement.error instanceof ApiError && agreement.error.status === 404;
    return (
      <>
        <PageTitle title={t('agreements.title')} />
        {missing ? (
          <EmptyState title={t('errors.http.NOT_FOUND')} action={<Anchor component={Link} to="/perjanjian">{t('agreements.detail.back')}</Anchor>} />
        ) : (
          <ErrorAlert error={agreement.error} onRetry={() => void agreement.refetch()} />
        )}
      </>
    );
  }
  const a = agreement.data;
  const ended = a.status === 'terminated' || a.status === 'expired';

  return (
    <>
      <Anchor component={Link} to="/perjanjian" size="sm" className="no-print">← {t('agreements.detail.back')}</Anchor>
      <PageTitle
        title={t('agreements.detail.title', { number: a.number })}
        subtitle={a.title}
        actions={(
          <>
            {a.canManage && a.status !== 'terminated' ? (
              <>
                <Button component={Link} to={`/perjanjian/${a.id}/ubah`} variant="default">{t('common.edit')}</Button>
                <Button color="red" variant="light" onClick={(e) => terminate.open(a, e.currentTarget)}>{t('agreements.terminate.action')}</Button>
              </>
            ) : null}
            <Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>
          </>
        )}
      />
      <Text className="print-only" size="xs" c="dimmed" mb="sm">{t('agreements.detail.printedAt', { date: formatDateTime(new Date().toISOString()) })}</Text>
      <Stack gap="md">
        <Section id="agreement-facts" title={t('agreements.detail.facts')}>
          <dl className="facts">
            <dt>{t('agreements.status')}</dt>
            <dd ref={statusRef} tabIndex={-1}><AgreementStatusBadge agreement={a} /></dd>
            <dt>{t('agreements.number')}</dt>
            <dd>{a.number}</dd>
            <dt>{t('agreements.kind')}</dt>
            <dd>{t(`agreements.kindName.${a.kind}`)}</dd>
            <dt>{t('agreements.signedOn')}</dt>
            <dd>{formatDate(a.signedOn)}</dd>
            <dt>{t('agreements.validity')}</dt>
            <dd>{validity(t, a)}</dd>
            {a.terminatedOn ? (
              <>
                <dt>{t('agreements.detail.terminatedOn')}</dt>
                <dd>{formatDate(a.terminatedOn)}</dd>
                <dt>{t('agreements.detail.terminationReason')}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{a.terminationReason ?? '—'}</dd>
              </>
            ) : null}
            <dt>{t('agreements.detail.createdAt')}</dt>
            <dd>{formatDateTime(a.createdAt)}</dd>
          </dl>
        </Section>

        <Section id="agreement-parties" title={t('agreements.parties')}>
          <DataTable minWidth={480} aria-labelledby="agreement-parties" columns={[t('agreements.detail.partyName'), t('agreements.detail.partyKind')]}>
            <Table.Tbody>
              {a.parties.map((p) => (
                <Table.Tr key={p.organizationId}>
                  <Table.Td>{p.name} <Text span c="dimmed" size="sm">({p.code})</Text></Table.Td>
                  <Table.Td>{t(`orgKind.${p.kind}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        </Section>

        <Section id="agreement-scopes" title={t('agreements.scopes')}>
          <Group gap="xs">
            {a.scopes.map((s) => <Badge key={s} variant={ended ? 'outline' : 'light'} color={ended ? 'gray' : 'teal'}>{t(`agreements.scope.${s}`)}</Badge>)}
          </Group>
        </Section>

        {a.note ? (
          <Section id="agreement-note" title={t('agreements.note')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.note}</Text>
          </Section>
        ) : null}

        <Documents agreement={a} />
      </Stack>
      {terminate.subject ? (
        <TerminateDialog
          agreement={terminate.subject}
          onClose={terminate.close}
          onTerminated={() => {
            terminate.close();
            requestAnimationFrame(() => statusRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}

function Documents({ agreement: a }: { agreement: AgreementRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
  // The button waits (disabled) while the file goes up, which drops the focus: it gets it back after.
  const chooseRef = useRef<HTMLButtonElement>(null);
  const refocus = () => requestAnimationFrame(() => chooseRef.current?.focus());
  const mutation = useMutation({
    mutationFn: ({ file, contentType }: { file: File; contentType: string }) => uploadDocument(a.id, file, contentType, setProgress),
    onSuccess: (_saved, { file }) => {
      void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(a.id) });
      notifications.show({ color: 'teal', message: t('agreements.documents.uploaded', { name: file.name }) });
    },
    onSettled: () => {
      setProgress(null);
      resetRef.current?.();
      refocus();
    },
  });

  const choose = (file: File | null) => {
    mutation.reset();
    setProblem(null);
    if (!file) return;
    const checked = checkDocument(file);
    if (!checked.ok) {
      setProblem(t(`agreements.documents.${checked.problem}`, { name: file.name, max: MAX_DOCUMENT_MB }));
      resetRef.current?.();
      return;
    }
    mutation.mutate({ file, contentType: checked.contentType });
  };

  return (
    <Section
      id="agreement-documents"
      title={t('agreements.documents.title')}
      actions={a.canManage ? (
        <FileButton onChange={choose} accept={AGREEMENT_DOCUMENT_TYPES.join(',')} resetRef={resetRef}>
          {(props) => (
            <Button {...props} ref={chooseRef} variant="light" loading={mutation.isPending} className="no-print">{t('agreements.documents.choose')}</Button>
          )}
        </FileButton>
      ) : null}
    >
      {a.canManage ? <Text size="xs" c="dimmed" mb="xs" className="no-print">{t('agreements.documents.chooseHelp', { max: MAX_DOCUMENT_MB })}</Text> : null}
      {problem ? <ErrorAlert error={new Error(problem)} /> : null}
      <ErrorAlert error={mutation.error} />
      {progress !== null ? (
        <Stack gap={4} mb="sm">
          <Text size="sm">{t('agreements.documents.uploading', { percent: Math.round(progress * 100) })}</Text>
          <Progress value={progress * 100} aria-label={t('agreements.documents.uploading', { percent: Math.round(progress * 100) })} />
        </Stack>
      ) : null}
      {a.documents.length === 0 ? (
        <Text size="sm" c="dimmed">{t('agreements.documents.empty')}</Text>
      ) : (
        <DataTable
          minWidth={640}
          aria-label={t('agreements.documents.tableLabel')}
          columns={[
            t('agreements.documents.filename'),
            { label: t('agreements.documents.size'), align: 'right' },
            t('agreements.documents.uploadedAt'),
            t('agreements.documents.uploadedBy'),
            { label: t('common.actions'), hidden: true, className: 'no-print' },
          ]}
        >
          <Table.Tbody>
            {a.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.filename}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{fileSize(d.size, formatNumber)}</Table.Td>
                <Table.Td>{formatDateTime(d.uploadedAt)}</Table.Td>
                <Table.Td>{d.uploadedBy}</Table.Td>
                <Table.Td className="no-print">
                  <DownloadButton
                    size="xs"
                    variant="subtle"
                    path={documentPath(a.id, d)}
                    fileName={d.filename}
                    aria-label={t('agreements.documents.downloadNamed', { name: d.filename })}
                  >
                    {t('agreements.documents.download')}
                  </DownloadButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
    </Section>
  );
}

/** Ending an agreement early: the date (today unless told) and why; partner staff lose the unit at once. */
function TerminateDialog({ agreement: a, onClose, onTerminated }: { agreement: AgreementRecord; onClose: () => void; onTerminated: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, show, showFailure, bind } = useFormFields({ terminatedOn: todayIso(), reason: '' }, 'terminate', ['terminatedOn', 'reason']);
  const mutation = useMutation({
    mutationFn: (body: { terminatedOn: string; reason: string; version: number }) => terminateAgreement(a.id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(agreementKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['agreements', 'list'] });
      void queryClient.invalidateQueries({ queryKey: agreementKeys.alerts });
      notifications.show({ color: 'teal', message: t('agreements.terminate.done', { number: saved.number }) });
      onTerminated();
    },
    onError: showFailure,
  });
  const submit = () => {
    const parsed = validate(terminateAgreementBody, { ...values, version: a.version });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    mutation.mutate(parsed.data);
  };
  return (
    <FormDialog
      title={t('agreements.terminate.title', { number: a.number })}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      submitLabel={t('agreements.terminate.confirm')}
      submitColor="red"
    >
      <Text size="sm">{t('agreements.terminate.warning')}</Text>
      <TextInput {...bind('terminatedOn')} type="date" label={t('agreements.terminate.date')} required data-autofocus />
      <Textarea
        {...bind('reason')}
        label={t('agreements.terminate.reason')}
        autosize
        minRows={3}
        required
      />
    </FormDialog>
  );
}
