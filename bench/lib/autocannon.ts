/**
 * One measured load: autocannon's programmatic API, with a short warm-up run
 * first (JIT, connection pools, SQLite page cache) whose figures are thrown away.
 */
import autocannon from 'autocannon';

export type Measurement = {
  /** Mean requests per second over the measured run. */
  rps: number;
  /** Latency percentiles of 2xx answers, in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
};

export type LoadOptions = {
  url: string;
  seconds: number;
  connections?: number;
  /** Default 2; 0 skips the warm-up. */
  warmupSeconds?: number;
  method?: autocannon.Request['method'];
  headers?: Record<string, string>;
  body?: string;
  /** For a body that must differ per request (see `counterBody`). */
  setupRequest?: (req: autocannon.Request) => autocannon.Request;
};

/** Growable list of latencies (a bare route answers ~10^6 times in 10 s). */
class Samples {
  private data = new Float64Array(1 << 16);
  private n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = v;
  }
  percentile(p: number): number {
    if (this.n === 0) return NaN;
    const sorted = this.data.subarray(0, this.n).sort();
    return sorted[Math.min(this.n - 1, Math.floor((p / 100) * this.n))]!;
  }
}

/**
 * One autocannon run. Latencies are taken from its `response` events rather
 * than its histogram, which keeps whole milliseconds: a bare route answers in
 * well under one, and "0 ms" would make the overhead ratio meaningless.
 */
function run(opts: LoadOptions, limit: { duration: number } | { amount: number }) {
  const { setupRequest, seconds: _s, warmupSeconds: _w, ...rest } = opts;
  const latencies = new Samples();
  return new Promise<{ result: autocannon.Result; latencies: Samples }>((resolve, reject) => {
    const instance = autocannon(
      {
        connections: 20,
        ...rest,
        ...limit,
        ...(setupRequest ? { requests: [{ setupRequest }] } : {}),
      },
      (err: unknown, result) => (err ? reject(err as Error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

function summarize({ result, latencies }: Awaited<ReturnType<typeof run>>): Measurement {
  return {
    rps: result.requests.average,
    p50: latencies.percentile(50),
    p95: latencies.percentile(95),
    p99: latencies.percentile(99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Warms up, then measures for `opts.seconds`. */
export async function measure(opts: LoadOptions): Promise<Measurement> {
  const warmup = opts.warmupSeconds ?? 2;
  if (warmup > 0) await run(opts, { duration: warmup });
  return summarize(await run(opts, { duration: opts.seconds }));
}

/** Sends exactly `amount` requests as fast as the server takes them (seeding, not measuring). */
export async function drive(opts: LoadOptions, amount: number): Promise<Measurement> {
  return summarize(await run(opts, { amount }));
}

/**
 * A JSON body built per request from a counter, so every request is unique
 * (e.g. a new employee number) across warm-up, measurement and seeding.
 */
export function counterBody(make: (n: number) => unknown): LoadOptions['setupRequest'] {
  let n = 0;
  return (req) => ({ ...req, body: JSON.stringify(make(n++)) });
}
