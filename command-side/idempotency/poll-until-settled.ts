import type { SettledOutcome, WaitRequest } from '../../infra/ports/idempotency-store';

const firstDelayMs = 2;
const maxDelayMs = 50;

/**
 * Polls `peek` with doubling delays (2 ms up to 50 ms) until the key settles or `timeoutMs` passes.
 * Adapters share it to implement `waitFor`; a retry waiting for its twin costs one read per step.
 */
export async function pollUntilSettled(
  request: WaitRequest,
  peek: (request: WaitRequest) => Promise<SettledOutcome>,
): Promise<SettledOutcome> {
  const deadline = Date.now() + request.timeoutMs;
  let delay = firstDelayMs;
  for (;;) {
    const seen = await peek(request);
    if (seen.state !== 'in-flight') return seen;
    const left = deadline - Date.now();
    if (left <= 0) return seen;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    delay = Math.min(delay * 2, maxDelayMs);
  }
}
