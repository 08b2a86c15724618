import { setTimeout as delay } from 'node:timers/promises';

export type BackoffOptions = { readonly baseMs: number; readonly maxMs: number };

/** Exponential: base, 2×base, 4×base … capped at max. `attempt` counts from 1. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt - 1, 30));
}

/** Waits `ms`; resolves false instead when the signal aborts first. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
