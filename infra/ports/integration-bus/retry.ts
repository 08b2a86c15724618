import { setTimeout as delay } from 'node:timers/promises';
import type { DeliveredMessage, RetryPolicy } from './integration-bus';
import { errorText } from './dead-letters';

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, initialDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so consumers that failed
 * together (a shared dependency went down) do not retry in lockstep. `attempt` counts from 1.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export type DeliveryOutcome =
  | { readonly kind: 'handled' }
  /** Every attempt failed: the message belongs on the dead-letter topic. */
  | { readonly kind: 'failed'; readonly error: string }
  /** The subscription stopped before the handler succeeded: leave the message uncommitted. */
  | { readonly kind: 'interrupted' };

export type DeliveryOptions = {
  readonly retry: RetryPolicy;
  /** Aborted when the subscription stops. */
  readonly signal: AbortSignal;
  /** Called while waiting between attempts (Kafka: heartbeat, so the group keeps the member). */
  readonly whileWaiting?: () => Promise<void>;
  readonly onAttemptFailed?: (failure: { attempt: number; error: string; retryInMs: number | null }) => void;
};

/** Calls the handler until it succeeds, the attempts run out, or the subscription stops. */
export async function deliverWithRetry(
  message: DeliveredMessage,
  handler: (message: DeliveredMessage) => Promise<void>,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const attempts = Math.max(1, options.retry.attempts);
  for (let attempt = 1; ; attempt += 1) {
    if (options.signal.aborted) return { kind: 'interrupted' };
    try {
      await handler(message);
      return { kind: 'handled' };
    } catch (error) {
      if (options.signal.aborted) return { kind: 'interrupted' };
      const last = attempt >= attempts;
      const retryInMs = last ? null : retryDelayMs(attempt, options.retry);
      options.onAttemptFailed?.({ attempt, error: errorText(error), retryInMs });
      if (retryInMs === null) return { kind: 'failed', error: errorText(error) };
      if (!(await pause(retryInMs, options))) return { kind: 'interrupted' };
    }
  }
}

const keepAliveEveryMs = 1000;

/** Waits `ms` (calling `whileWaiting` every second); false when the subscription stopped meanwhile. */
async function pause(ms: number, options: DeliveryOptions): Promise<boolean> {
  for (let remaining = ms; remaining > 0; remaining -= keepAliveEveryMs) {
    await options.whileWaiting?.();
    try {
      await delay(Math.min(remaining, keepAliveEveryMs), undefined, { signal: options.signal });
    } catch {
      return false;
    }
  }
  return !options.signal.aborted;
}
