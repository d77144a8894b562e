// Identifiers of the synthetic country: version-4-shaped UUIDs derived from the seed and a running
// count, never from gen_random_uuid(), so the same seed gives the same ids on every run.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex32(word: number): string {
  return HEX[(word >>> 24) & 0xff]! + HEX[(word >>> 16) & 0xff]! + HEX[(word >>> 8) & 0xff]! + HEX[word & 0xff]!;
}

/**
 * The n-th id of a seed. The first 32 bits are mix32 of a value unique to n (for n below 2^30), and
 * mix32 is a bijection, so two ids of one seed never collide; the other 96 bits are mixed from the
 * seed and n as well, so the ids look as random as the app's own.
 */
export function syntheticUuid(seed: number, n: number): string {
  const base = (n * 4) >>> 0;
  const salt = mix32(seed ^ 0x5bd1e995);
  const a = mix32(base ^ salt);
  const b = mix32((base + 1) ^ salt ^ 0x9e3779b9);
  const c = mix32((base + 2) ^ salt ^ 0x7f4a7c15);
  const d = mix32((base + 3) ^ salt ^ 0x94d049bb);
  const bHex = hex32(b);
  const cHex = hex32(c);
  // Version 4 in the third group, the RFC 4122 variant (10xx) in the fourth.
  const version = `4${bHex.slice(5, 8)}`;
  const variant = `${HEX[0x80 | (c >>> 24 & 0x3f)]!}${cHex.slice(2, 4)}`;
  return `${hex32(a)}-${bHex.slice(0, 4)}-${version}-${variant}-${cHex.slice(4, 8)}${hex32(d)}`;
}

/** Hands out the ids of one run in order. */
export function idSource(seed: number): () => string {
  let n = 0;
  return () => {
    n += 1;
    if (n >= 2 ** 30) throw new RangeError('the synthetic country ran out of ids');
    return syntheticUuid(seed, n);
  };
}
