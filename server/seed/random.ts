// The seeded generator is shared with the urine draw; re-exported for the seed and the benchmarks, which take it from here.
export { seededRandom } from '../../shared/domain/random.ts';

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function intBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

// Date arithmetic is shared; re-exported for the seed and the benchmarks, which take it from here.
export { addDays, addMonths } from '../../shared/domain/dates.ts';
