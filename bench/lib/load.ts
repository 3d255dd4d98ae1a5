// One autocannon run against one server, with the latency of every 2xx response kept (autocannon's
// own histogram has 1 ms resolution, too coarse for sub-millisecond medians) and the server's RSS
// sampled every 100 ms.
import autocannon from "autocannon";
import type { BenchRequest } from "./http.js";

export interface LoadOptions {
  readonly connections: number;
  /** Seconds; ignored when amount is set. */
  readonly duration?: number;
  readonly amount?: number;
  /**
   * How often autocannon samples, ms (its default 1000). A run ends only at a sample, so every run
   * takes at least this long: `--smoke` samples every 100 ms.
   */
  readonly sampleIntervalMs?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly bytesPerResponse: number;
  /** Latency of every 2xx response, ms. */
  readonly latencies: Float64Array;
  readonly peakRssBytes: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Samples a server's RSS every 100 ms until `stop`; `peak` takes one more sample and returns the highest. */
export async function watchPeakRss(sampleRss: () => Promise<number>): Promise<{ peak(): Promise<number>; stop(): void }> {
  let highest = await sampleRss();
  const sampler = setInterval(() => {
    sampleRss().then(
      (rss) => (highest = Math.max(highest, rss)),
      () => {},
    );
  }, 100);
  return {
    peak: async () => (highest = Math.max(highest, await sampleRss())),
    stop: () => clearInterval(sampler),
  };
}

export async function runLoad(
  port: number,
  requests: readonly BenchRequest[],
  options: LoadOptions,
  sampleRss: () => Promise<number>,
): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const rss = await watchPeakRss(sampleRss);
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `http://127.0.0.1:${port}`,
          connections: options.connections,
          pipelining: 1,
          ...(options.sampleIntervalMs ? { sampleInt: options.sampleIntervalMs } : {}),
          ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
          requests: requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, ...(r.body ? { body: r.body } : {}) })),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (statusCode < 200 || statusCode >= 300) return;
        if (count === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2);
          bigger.set(latencies);
          latencies = bigger;
        }
        latencies[count++] = responseTime;
      });
    });
    const peakRssBytes = await rss.peak();
    const total = result.requests.total;
    return {
      requests: total,
      seconds: result.duration,
      requestsPerSecond: result.duration > 0 ? total / result.duration : 0,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      bytesPerResponse: total > 0 ? result.throughput.total / total : 0,
      latencies: latencies.slice(0, count).sort(),
      peakRssBytes,
    };
  } finally {
    rss.stop();
  }
}
