import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QUALIFICATION_KINDS, qualificationRequest } from '../../../shared/contracts/clinical.ts';
import { ApiError } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { orNull, validate, type FieldErrors } from '../../app/validation.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { addQualification, fetchQualifications, fetchUsers, settingsKeys, type QualificationKind } from './api.ts';

const FIELDS = ['kind', 'number', 'issuedOn', 'expiresOn', 'issuer'] as const;

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
        <Paper withBorder p="md" component="section" aria-labelledby="qual-list-heading">
          <Title order={2} size="h4" id="qual-list-heading" mb="sm">{t('settings.qual.listTitle')}</Title>
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          {list.isPending ? (
            <Loading />
          ) : list.data && list.data.length === 0 ? (
            <Text size="sm" c="dimmed">{t('settings.qual.none')}</Text>
          ) : list.data ? (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" striped aria-labelledby="qual-list-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('settings.qual.kind')}</Table.Th>
                    <Table.Th scope="col">{t('settings.qual.number')}</Table.Th>
                    <Table.Th scope="col">{t('settings.qual.issuedOn')}</Table.Th>
                    <Table.Th scope="col">{t('settings.qual.expiresOn')}</Table.Th>
                    <Table.Th scope="col">{t('settings.qual.issuer')}</Table.Th>
                    <Table.Th scope="col">{t('settings.qual.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((q) => (
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
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Paper>
        <AddQualification userId={id} />
      </Stack>
    </>
  );
}

function AddQualification({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>('asi_assessor');
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [issuer, setIssuer] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const add = useMutation({
    mutationFn: (body: Parameters<typeof addQualification>[1]) => addQualification(userId, body),
    onSuccess: (q) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.qualifications(userId) });
      notifications.show({ color: 'teal', message: t('settings.qual.added', { kind: t(`settings.qual.kinds.${q.kind}`) }) });
      setNumber('');
      setIssuedOn('');
      setExpiresOn('');
      setIssuer('');
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldErrors());
    },
  });

  const clear = (key: string) => {
    if (errors[key]) setErrors((e) => ({ ...e, [key]: '' }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = validate(qualificationRequest, {
      kind, number, issuedOn, expiresOn: orNull(expiresOn), issuer: orNull(issuer),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = FIELDS.find((k) => parsed.errors[k]);
      if (first) document.getElementById(`qual-${first}`)?.focus();
      return;
    }
    setErrors({});
    add.mutate({ ...parsed.data, kind: parsed.data.kind as QualificationKind });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="qual-add-heading">
      <Title order={2} size="h4" id="qual-add-heading" mb="xs">{t('settings.qual.addTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('settings.qual.addHelp')}</Text>
      <ErrorAlert error={add.error && !(add.error instanceof ApiError && add.error.fields.length > 0) ? add.error : null} />
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <NativeSelect
            id="qual-kind"
            label={t('settings.qual.kind')}
            value={kind}
            onChange={(e) => { setKind(e.currentTarget.value); clear('kind'); }}
            data={QUALIFICATION_KINDS.map((k) => ({ value: k, label: t(`settings.qual.kinds.${k}`) }))}
            error={errors.kind}
            required
          />
          <TextInput
            id="qual-number"
            label={t('settings.qual.number')}
            value={number}
            onChange={(e) => { setNumber(e.currentTarget.value); clear('number'); }}
            error={errors.number}
            required
            maxLength={80}
            autoComplete="off"
          />
          <TextInput
            id="qual-issuer"
            label={t('settings.qual.issuer')}
            description={t('settings.qual.issuerHelp')}
            value={issuer}
            onChange={(e) => { setIssuer(e.currentTarget.value); clear('issuer'); }}
            error={errors.issuer}
            maxLength={160}
          />
          <TextInput
            id="qual-issuedOn"
            type="date"
            label={t('settings.qual.issuedOn')}
            value={issuedOn}
            onChange={(e) => { setIssuedOn(e.currentTarget.value); clear('issuedOn'); }}
            error={errors.issuedOn}
            required
          />
          <TextInput
            id="qual-expiresOn"
            type="date"
            label={t('settings.qual.expiresOn')}
            description={t('settings.qual.expiresOnHelp')}
            value={expiresOn}
            onChange={(e) => { setExpiresOn(e.currentTarget.value); clear('expiresOn'); }}
            error={errors.expiresOn}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={add.isPending}>{t('settings.qual.add')}</Button>
        </Group>
      </form>
    </Paper>
  );
}
