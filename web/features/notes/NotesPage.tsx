import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { CarePage } from '../../components/CarePage.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PagedQueryView } from '../../components/PagedQueryView.tsx';
import { Section } from '../../components/Section.tsx';
import { useDialog } from '../../components/useDialog.ts';
import { usePageAddress } from '../../components/useListAddress.ts';
import { AddendumModal } from './AddendumModal.tsx';
import { fetchNotes, notesKeys, type NoteRecord } from './api.ts';
import { NoteForm } from './NoteForm.tsx';

const PAGE_SIZE = 20;

/** A person's counselling notes, latest session first, with the form to write and sign one. */
export function NotesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { page, setPage } = usePageAddress();
  const notes = useQuery({
    queryKey: notesKeys.page(id, page),
    queryFn: ({ signal }) => fetchNotes(id, page, PAGE_SIZE, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
  const addendum = useDialog<NoteRecord>();

  return (
    <CarePage wbpId={id} tab="notes">
      {(w) => (
        <>
          <Stack gap="md">
            {can('notes.write', w.facilityId) ? <NoteForm person={w} onSaved={() => setPage(1)} /> : null}
            <Section id="notes-heading" title={t('care.notes.note.listTitle')}>
              <PagedQueryView
                query={notes}
                empty={<EmptyState title={t('care.notes.note.empty')} description={t('care.notes.note.emptyHelp')} />}
                onPage={setPage}
              >
                {(items) => (
                  <Stack gap="sm">
                    {items.map((note) => (
                      <NoteCard key={note.id} note={note} canWrite={can('notes.write', w.facilityId)} onAddendum={(n) => addendum.open(n)} />
                    ))}
                  </Stack>
                )}
              </PagedQueryView>
            </Section>
          </Stack>
          {addendum.subject ? <AddendumModal note={addendum.subject} onClose={addendum.close} /> : null}
        </>
      )}
    </CarePage>
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
