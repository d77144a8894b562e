import { describe, expect, it } from 'vitest';
import { fakeIo } from './fake-io.ts';
import { EXIT } from './io.ts';
import { main } from './main.ts';

// Arguments are refused before a command opens the database, so these need none.
describe('pulih: arguments a command does not take', () => {
  it('refuses an unknown option with exit 2, naming the option, with the usage', async () => {
    const io = fakeIo();
    const code = await main(['seed', '--bogus'], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toBe('pulih seed: opsi tidak dikenal: --bogus\npenggunaan: pulih seed [--anchor TTTT-BB-HH]\n');
  });

  it('refuses an option without its value with exit 2', async () => {
    const io = fakeIo();
    const code = await main(['seed', '--anchor'], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toMatch(/^pulih seed: nilai opsi tidak sah: --anchor/);
  });

  it('refuses an argument of a command that takes none with exit 2', async () => {
    const io = fakeIo();
    const code = await main(['migrate', 'sekarang'], io);
    expect(code).toBe(EXIT.invalid);
    expect(io.err()).toBe('pulih migrate: argumen tidak diharapkan: sekarang\npenggunaan: pulih migrate\n');
  });
});
