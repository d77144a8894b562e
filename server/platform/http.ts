import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Language } from '../../shared/contracts/common.ts';
import { can, type Permission } from '../../shared/domain/permissions.ts';
import { actingUnder, type Actor, type RequestOrigin } from './actor.ts';
import { AppError, type FieldProblem } from './errors.ts';
import { describeIssue, fieldLabel, languageFrom, translate } from './messages.ts';

/** Every API route names its policy: a permission, or one of the two open ones. */
export type Policy = Permission | 'public' | 'authenticated';

export interface RouteEntry { method: string; url: string; policy: Policy }

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyInstance {
    /** Every API route with its policy, for the access tests that walk them all. */
    routeTable: RouteEntry[];
    /** Declared on the context of a plugin whose routes we do not write (the API docs): the policy of all of them. */
    routesPolicy?: Policy;
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Language;
    sessionExpired: boolean;
  }
}

export const SESSION_COOKIE = 'pulih_sid';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originOf(request: FastifyRequest): RequestOrigin {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** The actor of a request whose policy already required one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'error.unauthenticated');
  return request.actor;
}

export interface SecurityDeps {
  actorFromToken: (token: string) => Promise<{ actor: Actor | null; expired: boolean }>;
}

/**
 * Resolves the session, then enforces the route's policy and CSRF before any handler runs.
 * A route under /api without a declared policy makes the app refuse to start.
 */
export function registerSecurity(app: FastifyInstance, deps: SecurityDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'id');
  app.decorateRequest('sessionExpired', false);

  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', function (route) {
    if (!route.url.startsWith('/api/')) return;
    const policy = route.config?.policy ?? this.routesPolicy;
    if (!policy) throw new Error(`Route ${String(route.method)} ${route.url} declares no policy`);
    route.config = { ...route.config, policy };
    if (route.method === 'HEAD') return;
    for (const method of [route.method].flat()) table.push({ method, url: route.url, policy });
  });

  app.addHook('onRequest', async (request) => {
    request.lang = languageFrom(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    // Only the API's routes declare a policy; the web app's files and pages need no session, and
    // the browser sends the cookie with each of them.
    if (token && request.routeOptions.config?.policy !== undefined) {
      const { actor, expired } = await deps.actorFromToken(token);
      request.actor = actor;
      request.sessionExpired = expired;
      // The user's own choice of language wins over the browser's.
      if (actor && !request.headers['accept-language']) request.lang = actor.language;
    }
  });

  // Before validation: a stranger learns nothing about a route's input rules, and a forged request
  // fails on its token before its body is even looked at.
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy || policy === 'public') return;
    const actor = request.actor;
    if (!actor) {
      throw new AppError('UNAUTHENTICATED', request.sessionExpired ? 'error.sessionExpired' : 'error.unauthenticated');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !constantTimeEqual(given, actor.csrfToken)) {
        throw new AppError('CSRF', 'error.csrf');
      }
    }
    if (policy === 'authenticated') return;
    if (!can(actor.role, policy)) throw new AppError('FORBIDDEN', 'error.forbidden');
    // Partner staff act in a unit only within what its agreements in force cover.
    request.actor = actingUnder(actor, policy);
  });
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function fieldMessage(lang: Language, problem: FieldProblem): string {
  const reason = translate(lang, problem.message, problem.params);
  return `${fieldLabel(lang, problem.field)}: ${reason}`;
}

export function problemsFromZod(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldProblem[] {
  const fieldOf = (path: readonly PropertyKey[]) => {
    const joined = path.map(String).join('.');
    return prefix ? (joined ? `${prefix}.${joined}` : prefix) : joined || 'body';
  };
  return issues.flatMap((issue) => {
    const { key, params } = describeIssue(issue);
    // A field the form does not have is named itself, not the object around it.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ field: fieldOf([...issue.path, k]), message: key, params }));
    return [{ field: fieldOf(issue.path), message: key, params }];
  });
}

interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
  [extra: string]: unknown;
}

function bodyFor(lang: Language, error: AppError): ErrorBody {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: translate(lang, error.message, error.params),
      ...(error.fields.length > 0
        ? { fields: error.fields.map((f) => ({ field: f.field, message: fieldMessage(lang, f) })) }
        : {}),
    },
  };
  return { ...error.extra, ...body };
}

/** The one place where errors become HTTP: codes to statuses, messages to the user's language. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.lang ?? 'id';
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map(
        (v) => ({ code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message, ...v.params }) as unknown as z.core.$ZodIssue,
      );
      const where = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
      appError = new AppError('VALIDATION', 'error.validation', {
        fields: problemsFromZod(issues, where === 'querystring' || where === 'params' ? '' : where),
      });
    } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('PAYLOAD_TOO_LARGE', 'error.payloadTooLarge');
    } else if (error.statusCode === 429) {
      appError = new AppError('RATE_LIMITED', 'error.rateLimited', { params: { seconds: 60 } });
    } else if (error.statusCode === 401) {
      appError = new AppError('UNAUTHENTICATED', 'error.unauthenticated');
    } else if (error.statusCode === 403) {
      appError = new AppError('FORBIDDEN', 'error.forbidden');
    } else if (error.statusCode === 404) {
      appError = new AppError('NOT_FOUND', 'error.routeNotFound');
    } else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, unsupported media types and the like: the request itself is unreadable.
      appError = new AppError('VALIDATION', 'error.validation', { fields: [{ field: 'body', message: 'validation.invalidFormat' }] });
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('INTERNAL', 'error.internal');
    }
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'internal error');
    void reply.status(appError.status).send(bodyFor(lang, appError));
  });
}
