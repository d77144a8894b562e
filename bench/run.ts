import { apiLoadBench } from './api-load.bench.ts';
import { dashboardBench } from './dashboard.bench.ts';
import { embeddedBench } from './embedded.bench.ts';
import { printFigures, writeResults, type Figure } from './harness.ts';
import { importBench } from './import.bench.ts';
import { recordBench } from './record.bench.ts';
import { registerBench } from './register.bench.ts';
import { schedulerBench } from './scheduler.bench.ts';

// Each figure is printed beside a baseline measured in the same run, and all are written to
// bench/results/<date>.json with the machine's details.
const benches: [string, () => Promise<Figure[]>][] = [['register', registerBench], ['scheduler', schedulerBench], ['record', recordBench], ['dashboard', dashboardBench]];
// On PostgreSQL (BENCH_DATABASE_URL, else a throwaway server when its binaries are installed; skipped otherwise).
benches.push(['load', apiLoadBench]);
// On PostgreSQL as above, else on PGlite.
benches.push(['import', importBench]);
// `pulih serve` on PGlite, spawned as an installation runs it.
benches.push(['embedded', embeddedBench]);

const only = process.argv[2];
const figures: Figure[] = [];
for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(`# ${name}`);
  const result = await run();
  printFigures(result);
  figures.push(...result);
}
console.log(`Hasil ditulis ke ${writeResults(figures)}`);
