import { type ParseArgsConfig, parseArgs } from 'node:util';

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

/** What node:util's parseArgs refuses, by its error code, in words for the operator. */
const ARGUMENT_PROBLEMS: Record<string, string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'opsi tidak dikenal',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'nilai opsi tidak sah',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'argumen tidak diharapkan',
};

/**
 * parseArgs of node:util, with its refusals (an unknown option, a missing value, an extra
 * argument) turned into a usage error: exit 2 with the usage, instead of exit 1 with an English
 * message.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const problem = typeof code === 'string' ? ARGUMENT_PROBLEMS[code] : undefined;
    if (problem === undefined) throw error;
    // Node names the argument in quotes: "Unknown option '--foo'…", "Option '--anchor <value>' argument missing".
    const named = /'([^']+)'/.exec((error as Error).message)?.[1];
    throw new CliUsageError(`${named ? `${problem}: ${named}` : problem}\n${usage}`);
  }
}
