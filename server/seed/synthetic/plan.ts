import type { OrgKind } from '../../../shared/contracts/common.ts';
import { type Province, type ScalePlan } from './country.ts';
import { intBetween } from '../random.ts';

// Which units each region holds, what they are called, and how many people (and drug cases) each
// holds, so that the country adds up to exactly the plan's totals.

export interface UnitPlan {
  kind: Extract<OrgKind, 'rutan' | 'lapas' | 'lpka'>;
  /** A Lapas for narcotics offenders: most of its people have drug cases. */
  narcotics: boolean;
  code: string;
  name: string;
  city: string;
  capacity: number;
  people: number;
  drugCases: number;
}

export interface RegionPlan {
  index: number;
  province: Province;
  units: UnitPlan[];
}

const SIZE_WEIGHT = { rutan: 0.9, lapas: 1.3, lpka: 0.15 } as const;
const DRUG_SHARE = { rutan: 0.45, lapas: 0.47, lpka: 0.25 } as const;
const NARCOTICS = { size: 1.6, share: 0.92 };

/** Splits `total` over the weights exactly: floors first, the remainders to the largest fractions. */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = exact.map((x, i) => Math.min(Math.floor(x), caps?.[i] ?? Infinity));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  // Round-robin over the largest remainders, skipping units at their cap, until the total is met.
  for (let pass = 0; left > 0 && pass < 1000; pass += 1) {
    let placed = false;
    for (const { i } of order) {
      if (left === 0) break;
      if (parts[i]! < (caps?.[i] ?? Infinity)) {
        parts[i] = parts[i]! + 1;
        left -= 1;
        placed = true;
      }
    }
    if (!placed) break;
  }
  return parts;
}

function unitShape(index: number, count: number, random: () => number): { kind: UnitPlan['kind']; narcotics: boolean } {
  if (count === 1) return { kind: 'rutan', narcotics: false };
  if (index === 0) return { kind: 'lapas', narcotics: false };
  if (index === 1) return { kind: 'rutan', narcotics: false };
  if (index === 2 && count >= 5) return { kind: 'lpka', narcotics: false };
  if (index === 3 && count >= 8) return { kind: 'lapas', narcotics: true };
  return { kind: random() < 0.5 ? 'rutan' : 'lapas', narcotics: false };
}

const CLASS_OF: Record<UnitPlan['kind'], readonly string[]> = { rutan: ['Kelas I', 'Kelas IIA', 'Kelas IIB'], lapas: ['Kelas I', 'Kelas IIA', 'Kelas IIB', 'Kelas III'], lpka: ['Kelas I', 'Kelas II'] };
const LABEL: Record<UnitPlan['kind'], string> = { rutan: 'Rutan', lapas: 'Lapas', lpka: 'LPKA' };

export function planRegions(plan: ScalePlan, random: () => number): RegionPlan[] {
  const regions: RegionPlan[] = [];
  const weights: number[] = [];
  const shares: number[] = [];
  const names = new Set<string>();
  for (const [index, { province, units }] of plan.regions.entries()) {
    const list: UnitPlan[] = [];
    const perKind: Record<string, number> = {};
    for (let i = 0; i < units; i += 1) {
      const { kind, narcotics } = unitShape(i, units, random);
      const city = i < 2 ? province.cities[0]! : province.cities[(i - 1) % province.cities.length]!;
      perKind[kind] = (perKind[kind] ?? 0) + 1;
      const classes = CLASS_OF[kind];
      const klass = i < 2 ? classes[0]! : classes[intBetween(random, 1, classes.length - 1)]!;
      let name = `${LABEL[kind]}${narcotics ? ' Narkotika' : ''} ${klass} ${city}`;
      for (let n = 2; names.has(name); n += 1) name = `${LABEL[kind]}${narcotics ? ' Narkotika' : ''} ${klass} ${city} ${n}`;
      names.add(name);
      list.push({
        kind, narcotics, city, name, code: `${kind.toUpperCase()}-${province.code}-${String(perKind[kind]).padStart(2, '0')}`,
        capacity: 0, people: 0, drugCases: 0,
      });
      weights.push((narcotics ? NARCOTICS.size : SIZE_WEIGHT[kind]) * (0.6 + random() * 0.8));
      shares.push(narcotics ? NARCOTICS.share : DRUG_SHARE[kind]);
    }
    regions.push({ index, province, units: list });
  }
  const all = regions.flatMap((r) => r.units);
  const people = apportion(plan.people, weights);
  const drugCases = apportion(plan.drugCases, people.map((p, i) => p * shares[i]!), people);
  for (const [i, unit] of all.entries()) {
    unit.people = people[i]!;
    unit.drugCases = drugCases[i]!;
    // Units hold more people than they were built for, some nearly twice as many.
    unit.capacity = Math.max(20, Math.round(unit.people / (1.2 + random() * 0.9)));
  }
  return regions;
}
