import type { Logger } from '../logging';
import type { Metrics } from '../ports/metrics';
import { defaultTopicPrefix, type IntegrationTopicName } from './relay-topics';

export type IntegrationRelayOptions = {
  /** Names the checkpoint row and the single-instance lock; default `integration-relay`. */
  readonly name?: string;
  /** Topics are `<prefix>bookings`, `<prefix>payments`, `<prefix>catalog`; default `booking-rush.`. */
  readonly topicPrefix?: string;
  /** Partitions of topics the relay creates (existing topics keep theirs). */
  readonly partitions?: Partial<Record<IntegrationTopicName, number>>;
  /** Events read and published per batch; default 500. */
  readonly batchSize?: number;
  /** Fallback poll when no wake-up arrives; default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** How often a standing-by instance tries to become the active one; default 5000 ms. */
  readonly standbyRetryMs?: number;
  /** Backoff after a failed batch (bus or database down): doubles from initial to max, with jitter. */
  readonly retryInitialDelayMs?: number;
  readonly retryMaxDelayMs?: number;
  readonly logger?: Logger;
  /** Where the relay's follower reports its batches, failures and lag. */
  readonly metrics?: Pick<Metrics, 'follower'>;
};

export type ResolvedRelayOptions = Required<
  Omit<IntegrationRelayOptions, 'logger' | 'partitions' | 'metrics'>
> &
  Pick<IntegrationRelayOptions, 'logger' | 'partitions' | 'metrics'>;

export function resolveRelayOptions(options: IntegrationRelayOptions): ResolvedRelayOptions {
  return {
    name: 'integration-relay',
    topicPrefix: defaultTopicPrefix,
    batchSize: 500,
    pollIntervalMs: 1_000,
    standbyRetryMs: 5_000,
    retryInitialDelayMs: 100,
    retryMaxDelayMs: 10_000,
    ...definedOnly(options),
  };
}

const definedOnly = <T extends object>(options: T): Partial<T> =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;

export type RelayState = 'stopped' | 'standby' | 'active' | 'failing';

export type RelayStatus = {
  readonly name: string;
  readonly state: RelayState;
  /** Where the relay stands (opaque); empty before the first event. */
  readonly checkpoint: string;
  /** Global position of the last relayed event. */
  readonly position: number;
  readonly headPosition: number;
  /** Events of the log between the last relayed one and the head (0 when caught up). */
  readonly lag: number;
  readonly lastError: string | null;
};
