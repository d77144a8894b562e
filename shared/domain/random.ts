/**
 * Mulberry32: a small, well-known 32-bit generator. The same seed gives the same numbers on every
 * run and every machine, which the urine draw (a stored selection is drawn again from its seed) and
 * the demo and synthetic data rely on. Each call gives a number in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
