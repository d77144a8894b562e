import type { Builder } from './world.ts';

/** One request per route of the API's document and its interactive pages for the access walk (see world.ts). */
export const openapiRequests: Record<string, Builder> = {
  'GET /api/openapi.json': async () => ({ method: 'GET', url: '/api/openapi.json' }),
  'GET /api/docs': async () => ({ method: 'GET', url: '/api/docs' }),
  'GET /api/docs/json': async () => ({ method: 'GET', url: '/api/docs/json' }),
  'GET /api/docs/yaml': async () => ({ method: 'GET', url: '/api/docs/yaml' }),
  'GET /api/docs/static/index.html': async () => ({ method: 'GET', url: '/api/docs/static/index.html' }),
  'GET /api/docs/static/swagger-initializer.js': async () => ({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' }),
  'GET /api/docs/static/*': async () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }),
  'HEAD /api/docs/static/*': async () => ({ method: 'HEAD', url: '/api/docs/static/swagger-ui.css' }),
};

/** They describe the API, never a person or a unit: the facility side does not apply. */
export const openapiFacilityNeutral: readonly string[] = Object.keys(openapiRequests);
