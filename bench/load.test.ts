import { describe, expect, it } from 'vitest';
import { runConcurrently, summariseLoad } from './load.ts';

describe('a load run summary', () => {
  it('takes its percentiles from the measured latencies, in any order', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    const s = summariseLoad(samples, 10);
    expect([s.p50, s.p95, s.p99]).toEqual([50, 95, 99]);
  });

  it('counts answered requests per second of the run', () => {
    const s = summariseLoad([1, 2, 3, 4, 5, 6], 2);
    expect(s.requests).toBe(6);
    expect(s.perSecond).toBe(3);
  });

  it('lets one slow answer in twenty set p95 and no fewer', () => {
    expect(summariseLoad([...Array<number>(19).fill(2), 40], 1).p95).toBe(2);
    expect(summariseLoad([...Array<number>(18).fill(2), 40, 40], 1).p95).toBe(40);
  });

  it('refuses a run in which nothing was answered', () => {
    expect(() => summariseLoad([], 10)).toThrow(/no answered requests/);
  });
});

describe('a concurrent run', () => {
  it('keeps the given number of tasks in flight at once', async () => {
    let inFlight = 0;
    let most = 0;
    await runConcurrently(4, 0.05, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
    });
    expect(most).toBe(4);
  });
});
