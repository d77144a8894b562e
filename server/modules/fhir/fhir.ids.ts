import { createHash } from 'node:crypto';

/** Pulih's namespace for name-based UUIDs of derived FHIR resources (a random v4 UUID, fixed forever). */
const NAMESPACE = Buffer.from('5f0c7d8e4b2a4c1e9a3d6e7f8091a2b3', 'hex');

/**
 * A name-based (version 5, SHA-1) UUID: the same name gives the same UUID on every export, so an
 * Observation derived from a screening keeps its id and a receiver can update it in place.
 */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
