/**
 * Waits for a condition that no checkpoint expresses (a failure state, a number of polls). Checks on
 * every turn of the event loop, bounded by a timeout: an awaiter, not a sleep.
 */
export async function eventually(
  condition: () => Promise<boolean> | boolean,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
