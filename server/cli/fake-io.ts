import type { CliIo } from './io.ts';

export interface FakeIo extends CliIo {
  out: () => string;
  err: () => string;
}

/** For tests: a CliIo that keeps what a command prints and gives it `stdin` to read. */
export function fakeIo(stdin = ''): FakeIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readStdin: async () => stdin,
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}
