import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Figure {
  name: string;
  unit: string;
  value: number;
  baselineName: string;
  baseline: number;
  /** value / baseline: how many times the baseline's cost the measured path takes. */
  ratio: number;
  target?: string;
  met?: boolean;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns each run's milliseconds. */
export async function sample(fn: () => Promise<unknown>, runs: number, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

export function machine() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

export function printFigures(figures: readonly Figure[]): void {
  for (const f of figures) {
    const target = f.target ? `  target ${f.target}: ${f.met ? 'met' : 'NOT met'}` : '';
    console.log(
      `${f.name}: ${f.value.toFixed(2)} ${f.unit} | baseline (${f.baselineName}): ${f.baseline.toFixed(2)} ${f.unit} | ratio ${f.ratio.toFixed(2)}${target}`,
    );
  }
}

export function writeResults(figures: readonly Figure[], dir = path.resolve(import.meta.dirname, 'results')): string {
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(dir, `${date}.json`);
  // A run of some benches keeps the day's other figures: same-named figures are replaced.
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { figures?: Figure[] }).figures ?? [] : [];
  const names = new Set(figures.map((f) => f.name));
  const all = [...kept.filter((f) => !names.has(f.name)), ...figures];
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), figures: all }, null, 2)}\n`);
  return file;
}
