import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { CareTabs } from '../../components/CareTabs.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { PersonHeader, PersonLoadError } from '../../components/PersonHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { pageOf, withChanges } from '../../components/useListAddress.ts';
import { AddendumModal } from './AddendumModal.tsx';
import { fetchNotes, fetchPerson, notesKeys, type NoteRecord } from './api.ts';
import { NoteForm } from './NoteForm.tsx';

const PAGE_SIZE = 20;

/** A person's counselling notes, latest session first, with the form to write and sign one. */
export function NotesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  const page = pageOf(search);
  const person = useQuery({ queryKey: notesKeys.person(id), queryFn: ({ signal }) => fetchPerson(id, signal), enabled: !!id });
  const notes = useQuery({
    queryKey: notesKeys.page(id, page),
    queryFn: ({ signal }) => fetchNotes(id, page, PAGE_SIZE, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
  const addendum = useDialog<NoteRecord>();

  if (person.isPending) return <Loading />;
  if (person.error) return <PersonLoadError error={person.error} title={t('care.tabs.notes')} onRetry={() => void person.refetch()} />;
  const w = person.data;
  const canWrite = can('notes.write');

  return (
    <>
      <PersonHeader
        person={w}
        title={t('care.notes.note.title', { name: w.fullName })}
        back={{ to: `/wbp/${w.id}`, label: t('care.notes.backToPerson') }}
        actions={<Button variant="default" onClick={() => window.print()}>{t('common.print')}</Button>}
      />
      <CareTabs wbpId={w.id} active="notes" />
      <Stack gap="md">
        {canWrite ? <NoteForm person={w} onSaved={() => setSearch(withChanges(search, { page: undefined }))} /> : null}
        <Section id="notes-heading" title={t('care.notes.note.listTitle')}>
          <QueryView
            query={notes}
            isEmpty={(data) => data.total === 0}
            empty={<EmptyState title={t('care.notes.note.empty')} description={t('care.notes.note.emptyHelp')} />}
          >
            {(data) => (
              <>
                <Stack gap="sm">
                  {data.items.map((note) => (
                    <NoteCard key={note.id} note={note} canWrite={canWrite} onAddendum={(n) => addendum.open(n)} />
                  ))}
                </Stack>
                <Pagination
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onChange={(p) => setSearch(withChanges(search, { page: p > 1 ? String(p) : undefined }))}
                />
              </>
            )}
          </QueryView>
        </Section>
      </Stack>
      {addendum.subject ? <AddendumModal note={addendum.subject} onClose={addendum.close} /> : null}
    </>
  );
}

function NoteCard({ note, canWrite, onAddendum }: { note: NoteRecord; canWrite: boolean; onAddendum: (note: NoteRecord) => void }) {
  const { t } = useTranslation();
  const headingId = `note-${note.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Box>
          <Title order={3} size="h5" id={headingId}>{note.topic}</Title>
          <Group gap={6} mt={4}>
            <Text size="sm">{formatDate(note.heldOn)}</Text>
            <Badge variant="light" color="indigo.8" tt="none">{t(`care.notes.note.kinds.${note.kind}`)}</Badge>
            {note.programmeName ? <Text size="sm" c="dimmed">{t('care.notes.note.programme', { name: note.programmeName })}</Text> : null}
          </Group>
        </Box>
        {canWrite ? (
          <Button
            size="xs"
            variant="light"
            className="no-print"
            aria-label={t('care.notes.note.addAddendumFor', { topic: note.topic, date: formatDate(note.heldOn) })}
            onClick={() => onAddendum(note)}
          >
            {t('care.notes.note.addAddendum')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" fw={600}>{t('care.notes.note.summary')}</Text>
      <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>{note.summary}</Text>
      <Text size="sm" fw={600}>{t('care.notes.note.plan')}</Text>
      <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>{note.plan}</Text>
      <Text size="xs" c="dimmed">{t('care.notes.note.signedBy', { name: note.signedBy ?? '—', at: formatDateTime(note.signedAt) })}</Text>
      {note.addenda.length > 0 ? (
        <Box mt="sm">
          <Text size="sm" fw={600}>{t('care.notes.note.addenda')}</Text>
          <Stack gap={6} mt={4} component="ol" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
            {note.addenda.map((a) => (
              <Box
                key={a.id}
                component="li"
                pl="sm"
                style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}
              >
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
                <Text size="xs" c="dimmed">{t('care.notes.note.addendumBy', { name: a.createdBy ?? '—', at: formatDateTime(a.createdAt) })}</Text>
              </Box>
            ))}
          </Stack>
        </Box>
      ) : null}
    </Paper>
  );
}
