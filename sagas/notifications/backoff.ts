export type NotificationRetry = {
  /** Send attempts in all before a notification is `failed` (default 5). */
  readonly attempts: number;
  /** The wait before the second attempt; doubles for each one after (default 1000 ms). */
  readonly baseDelayMs: number;
  /** Up to this share of each wait is added at random, so mails that failed together spread out. */
  readonly jitter: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random: () => number;
};

export const defaultNotificationRetry: NotificationRetry = {
  attempts: 5,
  baseDelayMs: 1000,
  jitter: 0.2,
  random: Math.random,
};

/** The wait after failed attempt number `attempt` (from 1): base · 2^(attempt−1), plus up to `jitter` of it. */
export function notificationRetryDelayMs(attempt: number, retry: NotificationRetry): number {
  const exponential = retry.baseDelayMs * 2 ** Math.min(attempt - 1, 30);
  return Math.round(exponential * (1 + retry.jitter * retry.random()));
}
