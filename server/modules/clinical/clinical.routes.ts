import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../shared/contracts/common.ts';
import {
  addendumRequest, assessmentRecord, assessmentSummary, createAssessmentRequest, saveAssessmentRequest, screeningRecord, screeningRequest,
  signAssessmentRequest, worklistItem, worklistQuery,
} from '../../../shared/contracts/clinical.ts';
import { reassessmentRequest, reassessmentStarted } from '../../../shared/contracts/progress.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { ClinicalService } from './clinical.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function clinicalRoutes(app: FastifyInstance, opts: { clinical: ClinicalService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clinical } = opts;

  r.get('/api/screening/worklist', {
    schema: { querystring: worklistQuery, response: { 200: pageOf(worklistItem) } },
    config: { policy: 'screening.write' },
  }, (request) => clinical.worklist(actorOf(request), request.query));

  r.get('/api/wbp/:id/screenings', {
    schema: { params: idParams, response: { 200: z.object({ items: z.array(screeningRecord) }) } },
    config: { policy: 'clinical.read' },
  }, (request) => clinical.screenings(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/wbp/:id/screenings', {
    schema: { params: idParams, body: screeningRequest, response: { 201: screeningRecord } },
    config: { policy: 'screening.write' },
  }, async (request, reply) => reply.status(201).send(await clinical.screen(actorOf(request), request.params.id, request.body, originOf(request))));

  r.get('/api/wbp/:id/assessments', {
    schema: { params: idParams, response: { 200: z.object({ items: z.array(assessmentSummary) }) } },
    config: { policy: 'clinical.read' },
  }, (request) => clinical.assessmentsOf(actorOf(request), request.params.id, originOf(request)));

  r.post('/api/wbp/:id/assessments', {
    schema: { params: idParams, body: createAssessmentRequest, response: { 201: assessmentRecord } },
    config: { policy: 'assessment.write' },
  }, async (request, reply) =>
    reply.status(201).send(await clinical.startAssessment(actorOf(request), request.params.id, request.body.screeningId, originOf(request))));

  // A follow-up (re-assessment) of an enrolment: 201 with a new draft, 200 with the one already started for the point.
  r.post('/api/enrolments/:id/reassessments', {
    schema: { params: idParams, body: reassessmentRequest, response: { 200: reassessmentStarted, 201: reassessmentStarted } },
    config: { policy: 'assessment.write' },
  }, async (request, reply) => {
    const started = await clinical.startFollowUp(actorOf(request), request.params.id, request.body.point, originOf(request));
    return reply.status(started.created ? 201 : 200).send(started);
  });

  r.get('/api/assessments/:id', {
    schema: { params: idParams, response: { 200: assessmentRecord } },
    config: { policy: 'clinical.read' },
  }, (request) => clinical.getAssessment(actorOf(request), request.params.id, originOf(request)));

  r.put('/api/assessments/:id', {
    schema: { params: idParams, body: saveAssessmentRequest, response: { 200: assessmentRecord } },
    config: { policy: 'assessment.write' },
  }, (request) => clinical.saveDraft(actorOf(request), request.params.id, request.body, originOf(request)));

  r.post('/api/assessments/:id/sign', {
    schema: { params: idParams, body: signAssessmentRequest, response: { 200: assessmentRecord } },
    config: { policy: 'assessment.write' },
  }, (request) => clinical.sign(actorOf(request), request.params.id, request.body.version, originOf(request)));

  r.post('/api/assessments/:id/addenda', {
    schema: { params: idParams, body: addendumRequest, response: { 201: assessmentRecord } },
    config: { policy: 'assessment.write' },
  }, async (request, reply) => reply.status(201).send(await clinical.addAddendum(actorOf(request), request.params.id, request.body.text, originOf(request))));
}
