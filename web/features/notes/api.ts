import type { z } from 'zod';
import type { NoteRecord, NotesPage, noteRequest } from '../../../shared/contracts/notes.ts';
import type { DecisionRecord, EnrolmentRecord } from '../../../shared/contracts/programmes.ts';
import { api } from '../../app/api.ts';

export type { NoteRecord, NotesPage };
export type NoteBody = z.output<typeof noteRequest>;

const enc = encodeURIComponent;

/** Under `['notes', wbpId]`, which a save refreshes through invalidateCareRecord (web/app/careRecord.ts). */
export const notesKeys = {
  page: (wbpId: string, page: number) => ['notes', wbpId, 'page', page] as const,
  enrolments: (wbpId: string) => ['notes', wbpId, 'enrolments'] as const,
};

export function fetchNotes(wbpId: string, page: number, pageSize: number, signal?: AbortSignal): Promise<NotesPage> {
  return api<NotesPage>(`/api/wbp/${enc(wbpId)}/notes`, { query: { page, pageSize }, signal });
}

export function writeNote(wbpId: string, body: NoteBody): Promise<NoteRecord> {
  return api<NoteRecord>(`/api/wbp/${enc(wbpId)}/notes`, { method: 'POST', json: body });
}

export function addAddendum(noteId: string, text: string): Promise<NoteRecord> {
  return api<NoteRecord>(`/api/notes/${enc(noteId)}/addenda`, { method: 'POST', json: { text } });
}

/** The person's active enrolments, from the decisions that placed them: a note may belong to one. */
export function fetchActiveEnrolments(wbpId: string, signal?: AbortSignal): Promise<EnrolmentRecord[]> {
  return api<{ items: DecisionRecord[] }>(`/api/wbp/${enc(wbpId)}/decisions`, { signal })
    .then((r) => r.items.flatMap((d) => d.enrolments).filter((e) => e.status === 'active'));
}
