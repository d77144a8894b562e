import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeIo } from './fake-io.ts';
import { EXIT } from './io.ts';
import { scoreCommand } from './score.ts';

const nothingUsed = { instrument: 'assist', version: '3.0', answers: { q1: {}, q8: 'never' } };
const alcoholModerate = {
  instrument: 'assist',
  version: '3.0',
  answers: {
    q1: { alcohol: true },
    q2: { alcohol: 'once_or_twice' },
    q3: { alcohol: 'once_or_twice' },
    q4: { alcohol: 'never' },
    q5: { alcohol: 'never' },
    q6: { alcohol: 'past_3_months' },
    q7: { alcohol: 'never' },
    q8: 'never',
  },
};
const medicalOnly = { instrument: 'asi', version: '5', items: { M6: 9, M7: 3, M8: 0 } };
const q5ForTobacco = {
  instrument: 'assist',
  version: '3.0',
  answers: {
    q1: { tobacco: true },
    q2: { tobacco: 'daily' },
    q3: { tobacco: 'daily' },
    q4: { tobacco: 'never' },
    q5: { tobacco: 'never' },
    q6: { tobacco: 'never' },
    q7: { tobacco: 'never' },
    q8: 'never',
  },
};

describe('pulih score', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pulih-score-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function file(content: string): string {
    const path = join(dir, 'input.json');
    writeFileSync(path, content);
    return path;
  }

  it('prints the result of one object as one JSON object followed by a newline', async () => {
    const io = fakeIo();
    const code = await scoreCommand([file(JSON.stringify(alcoholModerate))], io);
    expect(code).toBe(EXIT.ok);
    expect(io.out().endsWith('}\n')).toBe(true);
    expect(JSON.parse(io.out())).toMatchObject({
      instrument: 'assist',
      version: '3.0',
      substances: { alcohol: { score: 11, risk: 'moderate' }, tobacco: { score: 0, risk: 'low' } },
      injection: 'never',
      overall: 'moderate',
    });
    expect(io.err()).toBe('');
  });

  it('prints an array of results in the order of the input array', async () => {
    const io = fakeIo();
    const code = await scoreCommand([file(JSON.stringify([medicalOnly, alcoholModerate, nothingUsed]))], io);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(io.out())).toMatchObject([
      { instrument: 'asi', composites: { medical: 0.35 } },
      { instrument: 'assist', overall: 'moderate' },
      { instrument: 'assist', overall: 'low' },
    ]);
  });

  it('refuses an array with one invalid element: exit 2, nothing on stdout, the index and field on stderr', async () => {
    const io = fakeIo();
    const code = await scoreCommand([file(JSON.stringify([nothingUsed, alcoholModerate, medicalOnly, q5ForTobacco]))], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('[3].answers.q5.tobacco: q5.tobacco is not allowed because q5 is never asked for tobacco.\n');
  });

  it('names the field without an index when a single object is invalid', async () => {
    const io = fakeIo();
    const code = await scoreCommand([file(JSON.stringify({ ...medicalOnly, items: { M6: 31 } }))], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('items.M6: items.M6 must be a whole number of days from 0 to 30 (got 31).\n');
  });

  it('refuses invalid JSON with exit 2 and nothing on stdout', async () => {
    const io = fakeIo();
    const path = file('{"instrument": "assist",');
    const code = await scoreCommand([path], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} bukan JSON yang sah: `));
  });

  it('reads the input from stdin when the argument is -', async () => {
    const io = fakeIo(JSON.stringify(medicalOnly));
    const code = await scoreCommand(['-'], io);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(io.out())).toMatchObject({ instrument: 'asi', composites: { medical: 0.35, employment: null } });
  });

  it('refuses a file that cannot be read with exit 2', async () => {
    const io = fakeIo();
    const code = await scoreCommand([join(dir, 'absent.json')], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^berkas tidak dapat dibaca: .*absent\.json \(/);
  });

  it('prints the usage on stderr and exits 2 when the argument is missing', async () => {
    const io = fakeIo();
    const code = await scoreCommand([], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^penggunaan: pulih score FILE\|-/);
  });

  it('prints the usage on stderr and exits 2 when given more than one argument', async () => {
    const io = fakeIo();
    const code = await scoreCommand(['a.json', 'b.json'], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toMatch(/^penggunaan: pulih score FILE\|-/);
  });

  it('refuses a JSON value that is neither an object nor an array', async () => {
    const io = fakeIo('42');
    const code = await scoreCommand(['-'], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toBe('input: The input must be a JSON object with instrument and version (got 42).\n');
  });
});
