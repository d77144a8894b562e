import { printFigures, writeResults, type Figure } from './harness.ts';
import { recordBench } from './record.bench.ts';
import { registerBench } from './register.bench.ts';
import { schedulerBench } from './scheduler.bench.ts';

// Each figure is printed beside a baseline measured in the same run, and all are written to
// bench/results/<date>.json with the machine's details.
const benches: [string, () => Promise<Figure[]>][] = [['register', registerBench], ['scheduler', schedulerBench], ['record', recordBench]];

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
