import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { z } from 'zod';
import { errorResponse } from '../../shared/contracts/common.ts';
import { PERMISSIONS } from '../../shared/domain/permissions.ts';
import { CSRF_HEADER, SESSION_COOKIE, type Policy } from './http.ts';

/** The document of the whole API, made from the routes' own Zod schemas, and the pages that show it. */

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PREFIX = '/api/docs';

/**
 * Both need a session: the preValidation hook refuses a stranger before the body is read so that
 * "a stranger learns nothing about a route's input rules", and the document is exactly those rules.
 */
export const DOCS_POLICY: Policy = 'authenticated';

const packageJson = z.object({ version: z.string() });

/** The version of the document is the package's. */
export function packageVersion(): string {
  return packageJson.parse(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))).version;
}

/** Every error of the API has one shape, whatever the route. */
const apiError = errorResponse.describe('Galat: kode, pesan dan isian yang salah. Error: code, message and the fields at fault.');

const SESSION_SCHEME = 'sessionCookie';
const CSRF_SCHEME = 'csrfToken';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const DESCRIPTION = [
  'API Pulih: rehabilitasi narkotika bagi warga binaan pemasyarakatan. Masuk dengan `POST /api/auth/login`: jawabannya',
  `memasang cookie sesi \`${SESSION_COOKIE}\` (HttpOnly, SameSite=Strict) dan memuat \`csrfToken\`. Setiap permintaan`,
  `POST, PUT, PATCH dan DELETE harus membawa token itu di header \`${CSRF_HEADER}\` (juga dari \`GET /api/auth/session\`).`,
  'Setiap operasi menyebut kebijakannya (`x-pulih-policy`): publik, setiap pengguna yang masuk, atau satu izin; cakupan',
  'unit diterapkan di atasnya, dan orang di luar cakupan dijawab 404. Galat berbentuk `{ error: { code, message, fields } }`,',
  'pesannya dalam bahasa dari `Accept-Language` (id, en).',
  '',
  'The Pulih API: drug rehabilitation for people held in detention centres and prisons. Sign in with `POST /api/auth/login`:',
  `its answer sets the \`${SESSION_COOKIE}\` session cookie (HttpOnly, SameSite=Strict) and carries a \`csrfToken\`. Every`,
  `POST, PUT, PATCH and DELETE must send that token in the \`${CSRF_HEADER}\` header (also from \`GET /api/auth/session\`).`,
  'Each operation names its policy (`x-pulih-policy`): public, any signed-in user, or one permission; the scope of units',
  'applies on top of it, and a person outside scope is answered 404. Errors are `{ error: { code, message, fields } }`,',
  'with messages in the language of `Accept-Language` (id, en).',
].join('\n');

/** The policy of a route in one sentence, Bahasa Indonesia first. */
export function policySentence(policy: Policy): string {
  if (policy === 'public') return 'Kebijakan: publik, tanpa sesi. Policy: public, no session.';
  if (policy === 'authenticated') return 'Kebijakan: setiap pengguna yang masuk. Policy: any signed-in user.';
  const roles = PERMISSIONS[policy].join(', ');
  return `Kebijakan: izin \`${policy}\` (peran: ${roles}). Policy: permission \`${policy}\` (roles: ${roles}).`;
}

function securityOf(policy: Policy, method: string): OpenAPIV3_1.SecurityRequirementObject[] {
  if (policy === 'public') return [];
  return SAFE_METHODS.has(method) ? [{ [SESSION_SCHEME]: [] }] : [{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];
}

/** `conferencesRoutes` → `conferences`: the module a route was declared in. */
function moduleOf(pluginName: string): string {
  const last = pluginName.split(' -> ').at(-1) ?? pluginName;
  return last.replace(/Routes$/, '').toLowerCase();
}

/** What the document leaves out: anything outside the API, and the document and its pages themselves. */
export function isDocumented(url: string): boolean {
  return url.startsWith('/api/') && url !== OPENAPI_PATH && url !== DOCS_PREFIX && !url.startsWith(`${DOCS_PREFIX}/`);
}

/**
 * Registers the document generator before any module, so it sees every route, and the routes that
 * serve it. Call it right after registerSecurity.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const modules = new WeakMap<RouteOptions, string>();
  app.addHook('onRoute', function (route) {
    modules.set(route, moduleOf(this.pluginName));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Pulih API', version: packageVersion(), description: DESCRIPTION },
      components: {
        securitySchemes: {
          [SESSION_SCHEME]: {
            type: 'apiKey', in: 'cookie', name: SESSION_COOKIE,
            description: 'Sesi dari POST /api/auth/login. The session set by POST /api/auth/login.',
          },
          [CSRF_SCHEME]: {
            type: 'apiKey', in: 'header', name: CSRF_HEADER,
            description: 'Token CSRF sesi (csrfToken), wajib untuk POST, PUT, PATCH dan DELETE. The session\'s CSRF token (csrfToken), required on POST, PUT, PATCH and DELETE.',
          },
        },
      },
    },
    transform: (input) => {
      const { route, url } = input;
      const policy = route.config?.policy;
      if (!isDocumented(url) || !policy) return { schema: { hide: true } as FastifySchema, url };
      const own: FastifySchema = input.schema ?? {};
      const withErrors = { ...own, response: { ...(isRecord(own.response) ? own.response : {}), '4XX': apiError } };
      const transformed = jsonSchemaTransform({ ...input, schema: withErrors });
      const method = [route.method].flat()[0] ?? 'GET';
      const described = {
        ...transformed.schema,
        tags: [modules.get(route) ?? 'api'],
        description: policySentence(policy),
        security: securityOf(policy, method),
        'x-pulih-policy': policy,
      };
      return { schema: described, url: transformed.url };
    },
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input);
      const tags = new Set<string>();
      for (const item of Object.values(document.paths ?? {})) {
        for (const operation of Object.values(item ?? {})) {
          if (isRecord(operation) && Array.isArray(operation.tags)) for (const tag of operation.tags) tags.add(String(tag));
        }
      }
      return { ...document, tags: [...tags].sort().map((name) => ({ name })) };
    },
  });

  app.get(OPENAPI_PATH, { schema: { hide: true }, config: { policy: DOCS_POLICY } }, async (_request, reply) =>
    reply.header('cache-control', 'private, no-cache').send(app.swagger()));

  // The pages' routes are the plugin's, not ours: their context declares the one policy they all have.
  await app.register(async (docs) => {
    docs.decorate('routesPolicy', DOCS_POLICY);
    await docs.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      // Everything is served from here: no validator badge, no font or script from elsewhere.
      validatorUrl: false,
      theme: { title: 'Pulih API' },
      uiConfig: { docExpansion: 'none', deepLinking: true, withCredentials: true },
    });
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
