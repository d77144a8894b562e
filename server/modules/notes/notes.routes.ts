import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noteAddendumRequest, noteRecord, noteRequest, notesPage, notesQuery } from '../../../shared/contracts/notes.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { NotesService } from './notes.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function notesRoutes(app: FastifyInstance, opts: { notes: NotesService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { notes } = opts;

  r.get('/api/wbp/:id/notes', {
    schema: { params: idParams, querystring: notesQuery, response: { 200: notesPage } },
    config: { policy: 'notes.read' },
  }, (request) => notes.list(actorOf(request), request.params.id, request.query, originOf(request)));

  r.post('/api/wbp/:id/notes', {
    schema: { params: idParams, body: noteRequest, response: { 201: noteRecord } },
    config: { policy: 'notes.write' },
  }, async (request, reply) => reply.status(201).send(await notes.write(actorOf(request), request.params.id, request.body, originOf(request))));

  r.post('/api/notes/:id/addenda', {
    schema: { params: idParams, body: noteAddendumRequest, response: { 201: noteRecord } },
    config: { policy: 'notes.write' },
  }, async (request, reply) =>
    reply.status(201).send(await notes.addAddendum(actorOf(request), request.params.id, request.body.text, originOf(request))));
}
