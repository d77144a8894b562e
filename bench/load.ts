import autocannon from 'autocannon';
import { percentile } from './harness.ts';

/** What a load run measured: answered requests per second and latency percentiles in milliseconds. */
export interface LoadSummary {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Summarises the latency of every answered request (raw samples, not a histogram's buckets, so p95 is
 * the 95th of the measured values) over a run of `seconds`.
 */
export function summariseLoad(samples: readonly number[], seconds: number): LoadSummary {
  if (samples.length === 0 || seconds <= 0) throw new Error('a load run with no answered requests has no summary');
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  };
}

export function describeLoad(s: LoadSummary): string {
  return `${s.requests} requests in ${s.seconds.toFixed(1)} s: ${s.perSecond.toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;
}

export interface LoadOptions {
  /** The origin, e.g. http://127.0.0.1:3000. */
  url: string;
  connections: number;
  seconds: number;
  /**
   * The requests connection number `n` sends in turn, its own list (a signed-in user's cookie goes in
   * their headers); GET of `url` alone if not given.
   */
  requestsFor?: (n: number) => autocannon.Request[];
}

/**
 * Keeps `connections` HTTP/1.1 keep-alive connections busy for `seconds` with autocannon (one request
 * in flight on each, no pipelining) and records every answer's latency. Any answer other than 2xx, or
 * any connection error, fails the run: a fast error page must never pass for throughput.
 */
export function runLoad(options: LoadOptions): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const samples: number[] = [];
    let given = 0;
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        pipelining: 1,
        ...(options.requestsFor
          ? {
            setupClient: (client: autocannon.Client) => {
              client.setRequests(options.requestsFor?.(given) ?? []);
              given += 1;
            },
          }
          : {}),
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (result.non2xx > 0 || result.errors > 0) {
          reject(new Error(`${options.url}: ${result.non2xx} answers other than 2xx and ${result.errors} errors (${JSON.stringify(result.statusCodeStats ?? {})})`));
          return;
        }
        try {
          resolve(summariseLoad(samples, result.duration));
        } catch (failure) {
          reject(failure instanceof Error ? failure : new Error(String(failure)));
        }
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
}

/** Runs `task` in `workers` loops at once for `seconds` (no HTTP: for what a query alone sustains). */
export async function runConcurrently(workers: number, seconds: number, task: () => Promise<unknown>): Promise<LoadSummary> {
  const samples: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (performance.now() < end) {
      const before = performance.now();
      await task();
      samples.push(performance.now() - before);
    }
  }));
  return summariseLoad(samples, (performance.now() - start) / 1000);
}
