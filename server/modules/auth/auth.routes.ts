import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordRequest, languageRequest, loginRequest, sessionResponse } from '../../../shared/contracts/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { SESSION_COOKIE, actorOf, originOf } from '../../platform/http.ts';
import type { AuthService } from './auth.service.ts';

export interface AuthRouteOptions {
  auth: AuthService;
  secureCookies: (protocol: string) => boolean;
  absoluteMs: number;
  loginMaxPer15Min: number;
}

export async function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', {
    schema: { body: loginRequest, response: { 200: sessionResponse } },
    config: {
      policy: 'public',
      // Counted per address and username after the body is read, so one office behind a single
      // address does not lock out all of its colleagues.
      rateLimit: {
        max: opts.loginMaxPer15Min,
        timeWindow: '15 minutes',
        hook: 'preHandler',
        keyGenerator: (req) => {
          const body = req.body as { username?: unknown } | undefined;
          return `${req.ip}|${typeof body?.username === 'string' ? body.username.toLowerCase() : ''}`;
        },
      },
    },
  }, async (request, reply) => {
    const { token, actor } = await opts.auth.login(request.body.username, request.body.password, originOf(request));
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies(request.protocol),
      maxAge: Math.floor(opts.absoluteMs / 1000),
    });
    request.lang = actor.language;
    return opts.auth.sessionResponse(actor);
  });

  r.post('/api/auth/logout', { config: { policy: 'authenticated' } }, async (request, reply) => {
    await opts.auth.logout(actorOf(request), originOf(request));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/auth/session', {
    schema: { response: { 200: sessionResponse } },
    config: { policy: 'public' },
  }, async (request) => {
    if (!request.actor) {
      throw new AppError('UNAUTHENTICATED', request.sessionExpired ? 'error.sessionExpired' : 'error.unauthenticated');
    }
    return opts.auth.sessionResponse(request.actor);
  });

  r.put('/api/auth/language', { schema: { body: languageRequest }, config: { policy: 'authenticated' } }, async (request, reply) => {
    await opts.auth.setLanguage(actorOf(request), request.body.language);
    return reply.status(204).send();
  });

  r.post('/api/auth/password', { schema: { body: changePasswordRequest }, config: { policy: 'authenticated' } }, async (request, reply) => {
    await opts.auth.changePassword(actorOf(request), request.body.currentPassword, request.body.newPassword, originOf(request));
    return reply.status(204).send();
  });
}
