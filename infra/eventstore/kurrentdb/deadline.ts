/** A call that outlived the store's deadline; the store reports it as the server being unavailable. */
export class DeadlineExceeded extends Error {
  constructor(readonly deadlineMs: number) {
    super(`KurrentDB did not answer within ${deadlineMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Settles with `work`, or rejects with DeadlineExceeded after `deadlineMs`. The client's reads (its
 * native part) take no deadline of their own, so every call goes through this.
 */
export function withDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(deadlineMs)), deadlineMs);
  });
  // A failure that arrives after the deadline has nobody left to hear it.
  work.catch(() => {});
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
