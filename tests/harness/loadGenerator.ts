/** One request of a load run: when it started and ended (epoch ms), and how it ended. */
export interface LoadSample {
  start: number;
  end: number;
  /** 'ok', an `extensions.code`, or 'NO_CODE' / 'NETWORK' for answers that carry none. */
  outcome: string;
  status: number;
}

/** A request the load sends, and how to tell a correct answer. */
export interface LoadRequest {
  query: string;
  variables?: Record<string, unknown>;
  isCorrect(data: Record<string, any> | null | undefined): boolean;
}

/** Options of one load run. */
export interface LoadOptions {
  url: string;
  request: LoadRequest;
  /** Requests in flight at once, each sent as soon as the previous of its lane answered. */
  concurrency: number;
  /** Stops sending once this resolves (or after `maxMs`). */
  until: Promise<unknown>;
  maxMs: number;
  /** Gives up on one request after this long, as a client would (outcome 'CLIENT_TIMEOUT'). */
  requestTimeoutMs: number;
  /** Called with each answer as it comes. */
  onSample?: (sample: LoadSample) => void;
}

/**
 * A bounded loopback load: `concurrency` lanes, each sending one GraphQL
 * POST after another, until told to stop. Every answer is recorded with
 * its outcome, so a run shows what clients saw during a fault.
 */
export async function runLoad(options: LoadOptions): Promise<LoadSample[]> {
  const samples: LoadSample[] = [];
  const t0 = Date.now();
  let stop = false;
  void options.until.then(() => (stop = true));
  const maxTimer = setTimeout(() => (stop = true), options.maxMs);
  const lane = async () => {
    while (!stop) {
      const start = Date.now() - t0;
      let outcome: string;
      let status = 0;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: options.request.query, variables: options.request.variables }),
          signal: AbortSignal.timeout(options.requestTimeoutMs),
        });
        status = response.status;
        const body = (await response.json()) as { data?: Record<string, any> | null; errors?: Array<{ extensions?: { code?: string } }> };
        if (body.errors?.length) outcome = body.errors[0].extensions?.code ?? 'NO_CODE';
        else outcome = options.request.isCorrect(body.data) ? 'ok' : 'WRONG_ANSWER';
      } catch (error) {
        outcome = (error as Error).name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK';
        // A refused connection answers at once; do not spin.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const sample = { start: t0 + start, end: Date.now(), outcome, status };
      samples.push(sample);
      options.onSample?.(sample);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  clearTimeout(maxTimer);
  return samples.sort((a, b) => a.start - b.start);
}

/** Counts of samples by outcome (and HTTP status), e.g. { 'ok 200': 812, 'SERVICE_UNAVAILABLE 503': 40 }. */
export function countOutcomes(samples: LoadSample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[`${s.outcome} ${s.status}`] = (counts[`${s.outcome} ${s.status}`] ?? 0) + 1;
  return counts;
}

/** The p-th percentile (0–100) of the samples' durations, in ms. */
export function percentileMs(samples: LoadSample[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
