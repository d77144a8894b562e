import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { AppError } from './platform/errors.ts';
import { registerErrorHandling, registerSecurity } from './platform/http.ts';
import { registerOpenApi } from './platform/openapi.ts';
import { createAdminService } from './modules/admin/admin.service.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { DEFAULT_AUTH_SETTINGS, createAuthService } from './modules/auth/auth.service.ts';
import { createClinicalService } from './modules/clinical/clinical.service.ts';
import { clinicalRoutes } from './modules/clinical/clinical.routes.ts';
import { createConfigurationService } from './modules/configuration/configuration.service.ts';
import { configurationRoutes } from './modules/configuration/configuration.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createImportsService } from './modules/imports/imports.service.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { createPlacementService } from './modules/placement/placement.service.ts';
import { placementRoutes } from './modules/placement/placement.routes.ts';
import { createRoutineService } from './modules/routine/routine.service.ts';
import { routineRoutes } from './modules/routine/routine.routes.ts';
import { createTimetableService } from './modules/timetable/timetable.service.ts';
import { timetableRoutes } from './modules/timetable/timetable.routes.ts';
import { createNotesService } from './modules/notes/notes.service.ts';
import { notesRoutes } from './modules/notes/notes.routes.ts';
import { createIncidentsService } from './modules/incidents/incidents.service.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { createPtrmService } from './modules/ptrm/ptrm.service.ts';
import { ptrmRoutes } from './modules/ptrm/ptrm.routes.ts';
import { createUrineService } from './modules/urine/urine.service.ts';
import { urineRoutes } from './modules/urine/urine.routes.ts';
import { createProgressService } from './modules/progress/progress.service.ts';
import { progressRoutes } from './modules/progress/progress.routes.ts';
import { createConferencesService } from './modules/conferences/conferences.service.ts';
import { conferencesRoutes } from './modules/conferences/conferences.routes.ts';
import { createRecordService } from './modules/record/record.service.ts';
import { recordRoutes } from './modules/record/record.routes.ts';
import { createAftercareService } from './modules/aftercare/aftercare.service.ts';
import { aftercareRoutes } from './modules/aftercare/aftercare.routes.ts';
import { createPostRehabService } from './modules/postrehab/postrehab.service.ts';
import { postRehabRoutes } from './modules/postrehab/postrehab.routes.ts';
import { createAgreementsService } from './modules/agreements/agreements.service.ts';
import { agreementsRoutes } from './modules/agreements/agreements.routes.ts';
import { createProgrammesService } from './modules/programmes/programmes.service.ts';
import { programmesRoutes } from './modules/programmes/programmes.routes.ts';
import { createOrganizationsService } from './modules/organizations/organizations.service.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { createStatsService } from './modules/stats/stats.service.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { createWbpService } from './modules/wbp/wbp.service.ts';
import { wbpRoutes } from './modules/wbp/wbp.routes.ts';
import { createStaffService } from './modules/staff/staff.service.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { createCampaignsService } from './modules/campaigns/campaigns.service.ts';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.ts';
import { createFhirService } from './modules/fhir/fhir.service.ts';
import { fhirRoutes } from './modules/fhir/fhir.routes.ts';
import { createExportsService } from './modules/exports/exports.service.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { createDashboardService } from './modules/reports/dashboard.service.ts';
import { dashboardRoutes } from './modules/reports/dashboard.routes.ts';
import { createMonthlyService } from './modules/reports/monthly.service.ts';
import { monthlyRoutes } from './modules/reports/monthly.routes.ts';

export const VERSION = '0.1.0';

export interface AppDeps {
  db: Db;
  /**
   * Where the reports read: a streaming replica of `db` (READ_DATABASE_URL), or `db` itself. Only
   * aggregate reads that write nothing go there; anything audited stays on the primary.
   */
  readDb?: Db;
  databaseKind: 'pglite' | 'postgres';
  config: Pick<Config, 'sessionIdleMs' | 'sessionAbsoluteMs' | 'loginMaxPer15Min' | 'secureCookies' | 'logLevel' | 'webRoot'> & Partial<Pick<Config, 'researchExportSecret'>>;
  now?: () => Date;
  logger?: boolean;
}

/** The composition root: platform plugins first, then each module with exactly what it needs. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const { db, config } = deps;
  const readDb = deps.readDb ?? db;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The component kit writes its theme variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 'error.rateLimited', { params: { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) } }),
  });

  const auth = createAuthService({
    db,
    now,
    settings: { ...DEFAULT_AUTH_SETTINGS, idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs },
  });
  registerErrorHandling(app);
  registerSecurity(app, { actorFromToken: auth.actorFromToken });
  // Before the modules: the API's document is made from every route registered after it.
  await registerOpenApi(app);

  await app.register(healthRoutes, { db, databaseKind: deps.databaseKind, version: VERSION });
  await app.register(authRoutes, {
    auth,
    absoluteMs: config.sessionAbsoluteMs,
    loginMaxPer15Min: config.loginMaxPer15Min,
    secureCookies: (protocol) => (config.secureCookies === 'auto' ? protocol === 'https' : config.secureCookies === 'true'),
  });
  await app.register(organizationsRoutes, { organizations: createOrganizationsService({ db }) });
  await app.register(wbpRoutes, { wbp: createWbpService({ db, now }) });
  await app.register(importsRoutes, { imports: createImportsService({ db, now }) });
  await app.register(adminRoutes, { admin: createAdminService({ db, now }) });
  await app.register(statsRoutes, { stats: createStatsService({ db: readDb }) });
  const configuration = createConfigurationService({ db, now });
  await app.register(configurationRoutes, { configuration });
  await app.register(clinicalRoutes, { clinical: createClinicalService({ db, now, configuration }) });
  await app.register(programmesRoutes, { programmes: createProgrammesService({ db, now }) });
  await app.register(placementRoutes, { placement: createPlacementService({ db, now, configuration }) });
  await app.register(routineRoutes, { routine: createRoutineService({ db }) });
  await app.register(timetableRoutes, { timetable: createTimetableService({ db, now }) });
  await app.register(notesRoutes, { notes: createNotesService({ db, now }) });
  await app.register(incidentsRoutes, { incidents: createIncidentsService({ db, now }) });
  await app.register(ptrmRoutes, { ptrm: createPtrmService({ db, now }) });
  await app.register(urineRoutes, { urine: createUrineService({ db, now }) });
  await app.register(progressRoutes, { progress: createProgressService({ db, now }) });
  await app.register(conferencesRoutes, { conferences: createConferencesService({ db, now }) });
  await app.register(recordRoutes, { record: createRecordService({ db, now }) });
  await app.register(aftercareRoutes, { aftercare: createAftercareService({ db, now }) });
  await app.register(postRehabRoutes, { postRehab: createPostRehabService({ db, now }) });
  await app.register(agreementsRoutes, { agreements: createAgreementsService({ db, now }) });
  await app.register(staffRoutes, { staff: createStaffService({ db, now }) });
  await app.register(campaignsRoutes, { campaigns: createCampaignsService({ db, now }) });
  await app.register(fhirRoutes, { fhir: createFhirService({ db, now }) });
  await app.register(exportsRoutes, { exports: createExportsService({ db, now, researchSecret: config.researchExportSecret }) });
  await app.register(dashboardRoutes, { dashboard: createDashboardService({ db: readDb, now }) });
  // The monthly report lists people and is audited, so it reads the primary.
  await app.register(monthlyRoutes, { monthly: createMonthlyService({ db, now }) });

  const hasWeb = existsSync(path.join(config.webRoot, 'index.html'));
  if (hasWeb) {
    // Files are looked up on each request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, { root: config.webRoot, wildcard: true, index: false, maxAge: '1h' });
  }
  if (hasWeb) app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 }));
  app.setNotFoundHandler((request, reply) => {
    // Unknown API paths are errors; any other page belongs to the single-page app's router.
    // A missing file (an old asset, say) is a 404 too, never the app's page in its place.
    const isFile = /\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '');
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb || isFile) {
      throw new AppError('NOT_FOUND', 'error.routeNotFound');
    }
    return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html', { maxAge: 0 });
  });
  return app;
}
