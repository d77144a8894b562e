import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..');

/** A port nobody listens on now (the OS's choice); a server started at once almost always gets it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** One GET over a fresh connection: its status, or null when nothing answers yet. */
function probe(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', () => resolve(null));
  });
}

export interface SpawnedServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Milliseconds from spawning the process to the first answer to the probe. */
  firstAnswerMs: number;
  /** The status of that first answer. */
  firstStatus: number;
  /** Milliseconds since the process was spawned. */
  sinceSpawnMs: () => number;
  /** What the process wrote so far (stdout and stderr), for error messages. */
  output: () => string;
  /** SIGTERM to this process (its own id), then SIGKILL if it has not ended within 15 s. */
  stop: () => Promise<void>;
}

function ended(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Spawns `node ...args` in the repository with `env` plus PORT and HOST=127.0.0.1, and asks for
 * `probePath` every 2 ms until anything answers; the time from the spawn to that answer is the cold
 * start. It resolves then, and rejects if the process ends first or nothing answers in time.
 */
export async function spawnServer(options: { args: string[]; env: NodeJS.ProcessEnv; probePath: string; timeoutMs?: number }): Promise<SpawnedServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, options.args, {
    cwd: REPO, env: { ...options.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const stop = async () => {
    if (ended(child)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (ended(child)) throw new Error(`${options.args.join(' ')} ended before answering (exit ${child.exitCode ?? child.signalCode}):\n${log}`);
    const status = await probe(`${origin}${options.probePath}`);
    if (status !== null) {
      const sinceSpawnMs = () => Number(process.hrtime.bigint() - started) / 1e6;
      return { origin, firstAnswerMs: sinceSpawnMs(), firstStatus: status, sinceSpawnMs, output: () => log, stop };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.args.join(' ')} did not answer ${options.probePath} within ${options.timeoutMs ?? 120_000} ms:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The environment of the bench without a database of its own: the child chooses by what it is given. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const dropped = new Set(['DATABASE_URL', 'READ_DATABASE_URL', 'PULIH_DATA_DIR', 'PORT', 'HOST']);
  return { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.has(key))), ...extra };
}

/** Signs in over HTTP and returns the session cookie (`pulih_sid=…`). */
export async function signIn(origin: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const sid = response.headers.getSetCookie().map((c) => /^pulih_sid=([^;]+)/.exec(c)?.[1]).find(Boolean);
  if (response.status !== 200 || !sid) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return `pulih_sid=${sid}`;
}
