import { readFile } from 'node:fs/promises';
import { type FieldError, type ScoreResult, scoreInstrument } from '../../shared/instruments/index.ts';
import { CliUsageError, EXIT, type CliIo } from './io.ts';

const USAGE = `penggunaan: pulih score FILE|-
  Menghitung skor WHO ASSIST v3.0 atau ASI-5 dari satu objek JSON, atau array objek JSON,
  dibaca dari FILE atau dari stdin (-), lalu mencetak hasilnya sebagai JSON.
  Scores one JSON object, or a JSON array of them, read from FILE or stdin (-), and prints JSON.
  Contoh / example: {"instrument":"assist","version":"3.0","answers":{"q1":{},"q8":"never"}}`;

/**
 * `pulih score FILE|-`: all or nothing. One invalid element refuses the whole input (exit 2,
 * nothing on stdout), so a script never takes a partial result for a complete one.
 */
export async function scoreCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  try {
    const source = sourceOf(args);
    const input = parseJson(await readSource(source, io), source);
    io.stdout(`${JSON.stringify(scoreAll(input), null, 2)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr(`${error.message}\n`);
    return EXIT.invalid;
  }
}

function sourceOf(args: string[]): string {
  const [source] = args;
  if (args.length !== 1 || source === undefined || source === '' || (source.startsWith('-') && source !== '-')) {
    throw new CliUsageError(USAGE);
  }
  return source;
}

async function readSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') return io.readStdin();
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new CliUsageError(`berkas tidak dapat dibaca: ${source} (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const name = source === '-' ? 'stdin' : source;
    throw new CliUsageError(`${name} bukan JSON yang sah: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An array in gives an array out, in the same order; errors name the element as `[index]`. */
function scoreAll(input: unknown): ScoreResult | ScoreResult[] {
  const elements = Array.isArray(input) ? (input as unknown[]) : [input];
  const results: ScoreResult[] = [];
  const lines: string[] = [];
  elements.forEach((element, index) => {
    const outcome = scoreInstrument(element);
    if (outcome.ok) results.push(outcome.result);
    else lines.push(...outcome.errors.map((error) => errorLine(error, Array.isArray(input) ? index : undefined)));
  });
  if (lines.length > 0) throw new CliUsageError(lines.join('\n'));
  return Array.isArray(input) ? results : (results[0] as ScoreResult);
}

function errorLine(error: FieldError, index: number | undefined): string {
  const element = index === undefined ? '' : `[${index}]`;
  const where = element && error.path ? `${element}.${error.path}` : element || error.path || 'input';
  return `${where}: ${error.message}`;
}
