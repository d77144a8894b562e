#!/usr/bin/env node
// Runs the browser journeys against a real, freshly started Pulih server (`npm run test:e2e`,
// after `vite build`):
//   1. pick a free port and a fresh temporary data directory (embedded PGlite, demo data seeded
//      on first start), so no run sees another run's state;
//   2. start `node bin/pulih.mjs serve` and wait for GET /api/health to answer 200;
//   3. run `playwright test -c e2e/playwright.config.ts` (as `npx playwright test` would) with
//      E2E_BASE_URL;
//   4. stop the server (SIGTERM, then SIGKILL after 10 s) and delete the data directory.
// Exits with Playwright's exit code. If the server exits or does not become healthy within
// 120 s, prints the server's output and exits non-zero. Extra arguments go to Playwright
// (e.g. `node e2e/run.mjs --grep login`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HEALTH_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;
const HOST = '127.0.0.1';

function log(message) {
  process.stderr.write(`[e2e] ${message}\n`);
}

/** Asks the OS for a port nobody listens on (bind port 0, read it back, release it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The server's output is kept in memory and shown only when something goes wrong, so a green run
// stays readable and a red one explains itself.
const serverOutput = [];
function serverLog() {
  const text = serverOutput.join('');
  return text.trim() ? text : '(the server printed nothing)';
}
function printServerOutput(heading) {
  process.stderr.write(`\n----- ${heading} -----\n${serverLog()}\n----- end of server output -----\n\n`);
}

let server;
let playwright;
let serverExit; // resolves with { code, signal } once the server process has exited
let dataDir;

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  server.kill('SIGTERM');
  let graceTimer;
  const exited = await Promise.race([
    serverExit.then(() => true),
    new Promise((resolve) => {
      graceTimer = setTimeout(() => resolve(false), STOP_GRACE_MS);
    }),
  ]);
  // A pending timer would keep this process alive for the rest of the grace period.
  clearTimeout(graceTimer);
  if (!exited) {
    log(`server did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM; sending SIGKILL`);
    server.kill('SIGKILL');
    await serverExit;
  }
}

async function cleanUp() {
  await stopServer();
  if (dataDir) {
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  }
}

async function waitForHealth(baseUrl) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      const how = server.signalCode ? `signal ${server.signalCode}` : `exit code ${server.exitCode}`;
      throw new Error(`the server exited (${how}) before /api/health answered`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      lastProblem = error instanceof Error ? (error.cause?.code ?? error.message) : String(error);
    }
    await sleep(250);
  }
  throw new Error(`/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${lastProblem})`);
}

function runPlaywright(baseUrl) {
  return new Promise((resolve) => {
    // What `npx playwright test` runs, but started directly: npx would put a process between us
    // and Playwright that does not pass signals on, so a cancelled run would leave Playwright and
    // chromium behind. The CLI comes from package-lock.json; nothing is ever downloaded.
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const args = [cli, 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)];
    playwright = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseUrl },
    });
    playwright.on('error', (error) => {
      log(`could not start playwright: ${error.message}`);
      resolve(1);
    });
    playwright.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'pulih-e2e-'));

  // A DATABASE_URL from the caller's shell would point the journeys at a real database; the
  // journeys must always get a fresh embedded one in dataDir.
  const env = {
    ...process.env,
    PORT: String(port),
    // Loopback only: the test server holds demo logins and must not be reachable from outside.
    HOST,
    PULIH_DATA_DIR: dataDir,
    // Journeys start from the demo data and sign in with the demo logins it prints.
    PULIH_SEED_DEMO: 'true',
    // Every journey signs in from the same address; the production limit (10 per 15 minutes)
    // would start refusing logins part-way through the suite. A journey about the limit itself
    // can run the runner with PULIH_LOGIN_MAX_PER_15_MIN set.
    PULIH_LOGIN_MAX_PER_15_MIN: process.env.PULIH_LOGIN_MAX_PER_15_MIN ?? '1000',
  };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;

  log(`starting the server on ${baseUrl} with data in ${dataDir}`);
  const started = Date.now();
  server = spawn(process.execPath, ['bin/pulih.mjs', 'serve'], {
    cwd: root,
    env,
    // Same process group as this runner (not detached): if CI kills the group, even with
    // SIGKILL, the server goes too instead of lingering on its port.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverExit = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
  server.stdout.on('data', (chunk) => serverOutput.push(chunk.toString()));
  server.stderr.on('data', (chunk) => serverOutput.push(chunk.toString()));
  server.on('error', (error) => serverOutput.push(`[e2e] spawn failed: ${error.message}\n`));

  try {
    await waitForHealth(baseUrl);
  } catch (error) {
    log(`FAILED: ${error.message}`);
    await cleanUp();
    printServerOutput('server output');
    return 1;
  }
  log(`server healthy after ${((Date.now() - started) / 1000).toFixed(1)} s; running the journeys`);

  const exitCode = await runPlaywright(baseUrl);
  await cleanUp();
  if (exitCode !== 0) {
    // The journeys failed: the server's side of the story (errors, logs) is usually the key.
    printServerOutput('server output during the failed run');
  }
  log(`playwright exited with ${exitCode}`);
  return exitCode;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal} received; stopping the journeys and the server`);
    if (playwright && playwright.exitCode === null && playwright.signalCode === null) playwright.kill(signal);
    cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error) => {
    log(`FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    await cleanUp();
    printServerOutput('server output');
    process.exitCode = 1;
  },
);
