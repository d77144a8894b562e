import type { FormEvent } from 'react';
import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QUALIFICATION_KINDS, qualificationRequest } from '../../../shared/contracts/clinical.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { orNull, validate } from '../../app/validation.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormFields } from '../../components/useFormFields.ts';
import { addQualification, fetchQualifications, fetchUsers, settingsKeys, type QualificationKind } from './api.ts';

const FIELDS = ['kind', 'certificateNumber', 'issuedOn', 'expiresOn', 'issuer'] as const;

/** A user's certificates (an ASI assessor certificate in force is needed to sign assessments). */
export function QualificationsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const users = useQuery({ queryKey: settingsKeys.users, queryFn: ({ signal }) => fetchUsers(signal) });
  const list = useQuery({ queryKey: settingsKeys.qualifications(id), queryFn: ({ signal }) => fetchQualifications(id, signal) });
  const user = users.data?.find((u) => u.id === id);

  if (list.error instanceof ApiError && list.error.status === 404) {
    return (
      <>
        <PageTitle title={t('settings.qual.notFound')} />
        <EmptyState
          title={t('settings.qual.notFound')}
          action={<Anchor component={Link} to="/admin/users">{t('settings.qual.backToUsers')}</Anchor>}
        />
      </>
    );
  }

  return (
    <>
      <Anchor component={Link} to="/admin/users" size="sm" className="no-print">← {t('settings.qual.backToUsers')}</Anchor>
      <PageTitle
        title={user ? t('settings.qual.titleFor', { name: user.fullName }) : t('settings.qual.title')}
        subtitle={user ? `${user.username} · ${t(`roles.${user.role}`)} · ${user.organizationName}` : undefined}
      />
      <Stack gap="md">
        <Section id="qual-list-heading" title={t('settings.qual.listTitle')}>
          <QueryView query={list} empty={<Text size="sm" c="dimmed">{t('settings.qual.none')}</Text>}>
            {(items) => (
              <DataTable
                minWidth={720}
                striped
                aria-labelledby="qual-list-heading"
                columns={[
                  t('settings.qual.kind'),
                  t('settings.qual.number'),
                  t('settings.qual.issuedOn'),
                  t('settings.qual.expiresOn'),
                  t('settings.qual.issuer'),
                  t('settings.qual.status'),
                ]}
              >
                <Table.Tbody>
                  {items.map((q) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>{t(`settings.qual.kinds.${q.kind}`)}</Table.Td>
                      <Table.Td ff="monospace">{q.number}</Table.Td>
                      <Table.Td>{formatDate(q.issuedOn)}</Table.Td>
                      <Table.Td>{q.expiresOn ? formatDate(q.expiresOn) : t('settings.qual.noExpiry')}</Table.Td>
                      <Table.Td>{q.issuer ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={q.valid ? 'teal.8' : 'red.8'} variant="filled" tt="none">
                          {q.valid ? t('settings.qual.valid') : t('settings.qual.invalid')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </DataTable>
            )}
          </QueryView>
        </Section>
        <AddQualification userId={id} />
      </Stack>
    </>
  );
}

interface QualificationValues {
  kind: string;
  certificateNumber: string;
  issuedOn: string;
  expiresOn: string;
  issuer: string;
}
const EMPTY: QualificationValues = { kind: 'asi_assessor', certificateNumber: '', issuedOn: '', expiresOn: '', issuer: '' };

function AddQualification({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, setValues, show, bind } = useFormFields<QualificationValues>(EMPTY, 'qual', FIELDS);

  const add = useMutation({
    mutationFn: (body: Parameters<typeof addQualification>[1]) => addQualification(userId, body),
    onSuccess: (q) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.qualifications(userId) });
      notifications.show({ color: 'teal', message: t('settings.qual.added', { kind: t(`settings.qual.kinds.${q.kind}`) }) });
      setValues((v) => ({ ...EMPTY, kind: v.kind }));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) show(err.fieldErrors());
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(qualificationRequest, { ...values, expiresOn: orNull(values.expiresOn), issuer: orNull(values.issuer) });
    if (!parsed.ok) return show(parsed.errors);
    show({});
    add.mutate({ ...parsed.data, kind: parsed.data.kind as QualificationKind });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="qual-add-heading">
      <Title order={2} size="h4" id="qual-add-heading" mb="xs">{t('settings.qual.addTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('settings.qual.addHelp')}</Text>
      <FormErrorAlert error={add.error} />
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <NativeSelect
            {...bind('kind')}
            label={t('settings.qual.kind')}
            data={QUALIFICATION_KINDS.map((k) => ({ value: k, label: t(`settings.qual.kinds.${k}`) }))}
            required
          />
          <TextInput {...bind('certificateNumber')} label={t('settings.qual.number')} required maxLength={80} autoComplete="off" />
          <TextInput {...bind('issuer')} label={t('settings.qual.issuer')} description={t('settings.qual.issuerHelp')} maxLength={160} />
          <TextInput {...bind('issuedOn')} type="date" label={t('settings.qual.issuedOn')} required />
          <TextInput {...bind('expiresOn')} type="date" label={t('settings.qual.expiresOn')} description={t('settings.qual.expiresOnHelp')} />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={add.isPending}>{t('settings.qual.add')}</Button>
        </Group>
      </form>
    </Paper>
  );
}
