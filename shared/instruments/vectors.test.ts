// The vectors live on disk beside the code and, when present, in ../shared/test-vectors, which
// may grow; reading them needs the file system, which shared/ code itself never touches.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scoreInstrument } from './index.ts';

const vectorFile = z.array(z.object({ input: z.unknown(), expected: z.record(z.string(), z.unknown()) }));

interface Vector {
  name: string;
  input: unknown;
  expected: Record<string, unknown>;
}

function vectorsIn(directory: URL): Vector[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) =>
      vectorFile.parse(JSON.parse(readFileSync(new URL(file, directory), 'utf8'))).map((vector, index) => ({
        name: `${file} #${index}`,
        ...vector,
      })),
    );
}

const committed = new URL('./test-vectors/', import.meta.url);
const published = new URL('../../../shared/test-vectors/', import.meta.url);

describe('the committed copy of the test vectors', () => {
  const vectors = vectorsIn(committed);

  it('holds both the ASSIST and the ASI vectors', () => {
    expect(vectors.filter((v) => v.name.startsWith('assist.json')).length).toBeGreaterThan(0);
    expect(vectors.filter((v) => v.name.startsWith('asi.json')).length).toBeGreaterThan(0);
  });

  it.each(vectors)('scores $name as expected', ({ input, expected }) => {
    const outcome = scoreInstrument(input);
    expect(outcome).toMatchObject({ ok: true, result: expected });
  });
});

const publishedExists = existsSync(published);

describe.runIf(publishedExists)('the published test vectors in ../shared/test-vectors', () => {
  it.each(publishedExists ? vectorsIn(published) : [])('scores $name as expected', ({ input, expected }) => {
    const outcome = scoreInstrument(input);
    expect(outcome).toMatchObject({ ok: true, result: expected });
  });
});
