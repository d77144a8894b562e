/** What a command needs from its process, passed in so commands can be tested in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  isTTY: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  isTTY: Boolean(process.stderr.isTTY),
};

/** Exit codes: 0 success, 1 the work failed, 2 the input or the call was invalid. */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

export class CliUsageError extends Error {}
