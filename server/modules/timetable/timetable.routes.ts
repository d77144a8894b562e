import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceBody, calendarLink, checkMoveBody, checkMoveResult, custodyList, dayQuery, generateWeekBody, moveBody, personAttendanceList,
  sessionAttendance, staffDay, staffDayQuery, timetableSession, timetableWeek, weekQuery,
} from '../../../shared/contracts/timetable.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import type { TimetableService } from './timetable.service.ts';

const facilityParams = z.object({ facilityId: z.uuid() });
const idParams = z.object({ id: z.uuid() });
/** A feed's secret link: 32 base64url characters and the extension calendar applications expect. */
const feedParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{32}\.ics$/) });

export async function timetableRoutes(app: FastifyInstance, opts: { timetable: TimetableService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { timetable } = opts;

  r.get('/api/facilities/:facilityId/timetable', {
    schema: { params: facilityParams, querystring: weekQuery, response: { 200: z.object({ week: timetableWeek.nullable() }) } },
    config: { policy: 'timetable.read' },
  }, (request) => timetable.week(actorOf(request), request.params.facilityId, request.query.week, originOf(request)));

  r.post('/api/facilities/:facilityId/timetable', {
    schema: { params: facilityParams, body: generateWeekBody, response: { 201: timetableWeek } },
    config: { policy: 'timetable.manage' },
  }, async (request, reply) => reply.status(201).send(await timetable.generate(actorOf(request), request.params.facilityId, request.body.weekStart, originOf(request))));

  r.post('/api/timetable/sessions/:id/check', {
    schema: { params: idParams, body: checkMoveBody, response: { 200: checkMoveResult } },
    config: { policy: 'timetable.manage' },
  }, (request) => timetable.checkMove(actorOf(request), request.params.id, request.body));

  r.put('/api/timetable/sessions/:id', {
    schema: { params: idParams, body: moveBody, response: { 200: timetableSession } },
    config: { policy: 'timetable.manage' },
  }, (request) => timetable.move(actorOf(request), request.params.id, request.body, originOf(request)));

  r.get('/api/facilities/:facilityId/custody-list', {
    schema: { params: facilityParams, querystring: dayQuery, response: { 200: custodyList } },
    config: { policy: 'timetable.custody' },
  }, (request) => timetable.custodyList(actorOf(request), request.params.facilityId, request.query.date, originOf(request)));

  r.get('/api/facilities/:facilityId/staff-day', {
    schema: { params: facilityParams, querystring: staffDayQuery, response: { 200: staffDay } },
    config: { policy: 'timetable.read' },
  }, (request) => timetable.staffDay(actorOf(request), request.params.facilityId, request.query.date, request.query.staffId, originOf(request)));

  r.get('/api/me/calendar', {
    schema: { response: { 200: z.object({ link: calendarLink.nullable() }) } },
    config: { policy: 'timetable.read' },
  }, (request) => timetable.calendarLink(actorOf(request)));

  r.post('/api/me/calendar', {
    schema: { response: { 201: calendarLink } },
    config: { policy: 'timetable.read' },
  }, async (request, reply) => reply.status(201).send(await timetable.createCalendarLink(actorOf(request), originOf(request))));

  r.delete('/api/me/calendar', { config: { policy: 'timetable.read' } }, async (request, reply) => {
    await timetable.removeCalendarLink(actorOf(request), originOf(request));
    return reply.status(204).send();
  });

  // Calendar applications send no cookie: the secret in the address is the credential.
  r.get('/api/calendar/:file', { schema: { params: feedParams }, config: { policy: 'public' } }, async (request, reply) => {
    const body = await timetable.calendarFeed(request.params.file.slice(0, -'.ics'.length));
    return reply.header('cache-control', 'private, max-age=300').type('text/calendar; charset=utf-8').send(body);
  });

  r.get('/api/timetable/sessions/:id/attendance', {
    schema: { params: idParams, response: { 200: sessionAttendance } },
    config: { policy: 'timetable.read' },
  }, (request) => timetable.attendance(actorOf(request), request.params.id, originOf(request)));

  r.put('/api/timetable/sessions/:id/attendance', {
    schema: { params: idParams, body: attendanceBody, response: { 200: sessionAttendance } },
    config: { policy: 'attendance.write' },
  }, (request) => timetable.recordAttendance(actorOf(request), request.params.id, request.body, originOf(request)));

  r.get('/api/wbp/:id/attendance', {
    schema: { params: idParams, response: { 200: personAttendanceList } },
    config: { policy: 'clinical.read' },
  }, (request) => timetable.personAttendance(actorOf(request), request.params.id, originOf(request)));
}
