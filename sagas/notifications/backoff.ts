import { jitteredBackoffMs, type JitteredBackoff } from '../shared/jittered-backoff';

export type NotificationRetry = JitteredBackoff & {
  /** Send attempts in all before a notification is `failed` (default 5). */
  readonly attempts: number;
};

/** 1 s, 2 s, 4 s, 8 s between the five attempts, each plus up to 20 %. */
export const defaultNotificationRetry: NotificationRetry = {
  attempts: 5,
  baseDelayMs: 1000,
  jitter: 0.2,
  random: Math.random,
};

/** The wait after failed attempt number `attempt` (from 1). */
export const notificationRetryDelayMs = (attempt: number, retry: NotificationRetry): number =>
  jitteredBackoffMs(attempt, retry);
