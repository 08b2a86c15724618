import type { Revalidated } from '../api/client';
import type { ApiError } from '../api/result';

export type FollowOptions<T> = {
  /** One long-poll request: the last `ETag` (none at first), and the signal that ends it. */
  ask(etag: string | undefined, signal: AbortSignal): Promise<Revalidated<T>>;
  /** A new answer (a change). */
  onchange(data: T): void;
  /** A failed request (`error`), or the first success after failures (`undefined`). */
  onproblem?(error: ApiError | undefined): void;
  /** Seconds the server asks us to wait before the next request. */
  pauseAfter?(data: T): number | null | undefined;
  /** Stop after this answer (nothing more can change). */
  done?(data: T): boolean;
  /** Stop on this error instead of retrying (e.g. signed out, no such queue). */
  fatal?(error: ApiError): boolean;
  /** Back-off after failures: doubles from `firstMs` up to `maxMs`, unless `Retry-After` says more. */
  backoff?: { firstMs: number; maxMs: number };
  /** The shortest time between two requests, so an answer that never waits cannot make a busy loop. */
  minIntervalMs?: number;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  random?(): number;
  now?(): number;
};

export type Following = {
  stop(): void;
  /** Resolves when the loop has ended (stopped, done or fatal). */
  readonly ended: Promise<void>;
};

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
    signal.addEventListener('abort', finish);
  });
}

/** How long to wait after the `failures`-th failure in a row: exponential, with jitter, capped. */
export function backoffMs(
  failures: number,
  error: ApiError,
  backoff: { firstMs: number; maxMs: number },
  random: () => number,
): number {
  const exponential = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, failures - 1));
  // Jitter spreads the retries of many buyers who lost their connection at the same moment.
  const jittered = exponential * (0.5 + random() / 2);
  return Math.max(jittered, (error.retryAfterSeconds ?? 0) * 1000);
}

/**
 * Follows a resource by long polling: each request carries the last `ETag`; a 304 (nothing changed while
 * the server held the request) asks again, a change is handed to `onchange` and the next request waits
 * the server's `pauseAfter`; failures back off and retry until `stop()`.
 */
export function follow<T>(options: FollowOptions<T>): Following {
  const controller = new AbortController();
  const { signal } = controller;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? { firstMs: 1_000, maxMs: 30_000 };
  const minIntervalMs = options.minIntervalMs ?? 1_000;

  async function loop() {
    let etag: string | undefined;
    let failures = 0;
    while (!signal.aborted) {
      const startedAt = now();
      const answer = await options.ask(etag, signal);
      if (signal.aborted) return;
      if (!answer.ok) {
        if (options.fatal?.(answer.error)) return options.onproblem?.(answer.error);
        failures += 1;
        options.onproblem?.(answer.error);
        await sleep(backoffMs(failures, answer.error, backoff, random), signal);
        continue;
      }
      if (failures > 0) options.onproblem?.(undefined);
      failures = 0;
      let waitMs = 0;
      if (!answer.notModified) {
        etag = answer.etag;
        options.onchange(answer.data);
        if (options.done?.(answer.data)) return;
        waitMs = (options.pauseAfter?.(answer.data) ?? 0) * 1000;
      }
      waitMs = Math.max(waitMs, minIntervalMs - (now() - startedAt));
      if (waitMs > 0) await sleep(waitMs, signal);
    }
  }

  const ended = loop();
  return { stop: () => controller.abort(), ended };
}
