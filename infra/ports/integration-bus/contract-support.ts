// Shared by the IntegrationBus contract's parts: the fixture an adapter provides, and small helpers.
import { randomBytes } from 'node:crypto';
import type { DeliveredMessage, IntegrationBus, OutgoingMessage, RetryPolicy } from './integration-bus';

export type IntegrationBusFixture = {
  /** A connected bus. Tests use unique topic and group names, so a shared broker works. */
  open(): Promise<IntegrationBus>;
  close(bus: IntegrationBus): Promise<void>;
};

export const unique = (label: string): string => `contract.${label}.${randomBytes(4).toString('hex')}`;

/** Short delays, so failure cases take milliseconds. */
export const quickRetry: RetryPolicy = { attempts: 3, initialDelayMs: 2, maxDelayMs: 10 };

export const message = (topic: string, key: string, value: unknown, headers = {}): OutgoingMessage => ({
  topic,
  key,
  value,
  headers,
});

const waitLimitMs = 20_000;

/** Records what a handler received; tests await a condition on it instead of sleeping. */
export class Inbox {
  readonly received: DeliveredMessage[] = [];
  private readonly waiters = new Set<() => void>();

  readonly handler = async (delivered: DeliveredMessage): Promise<void> => {
    this.add(delivered);
  };

  add(delivered: DeliveredMessage): void {
    this.received.push(delivered);
    for (const wake of this.waiters) wake();
  }

  values(): unknown[] {
    return this.received.map((delivered) => delivered.value);
  }

  /** Resolves once `condition` holds for what arrived so far. */
  until(condition: (received: DeliveredMessage[]) => boolean, what: string): Promise<void> {
    if (condition(this.received)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${what}: not within ${waitLimitMs} ms (received ${this.received.length})`));
      }, waitLimitMs);
      const check = () => {
        if (!condition(this.received)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  count(n: number): Promise<void> {
    return this.until((received) => received.length >= n, `${n} messages`);
  }
}

/** A promise settled from outside: a handler blocked until the test lets it go. */
export class Gate {
  readonly opened: Promise<void>;
  open!: () => void;
  fail!: (error: Error) => void;

  constructor() {
    this.opened = new Promise<void>((resolve, reject) => {
      this.open = resolve;
      this.fail = reject;
    });
  }
}
