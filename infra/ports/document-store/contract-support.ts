// Shared by the DocumentStore contract's parts: the fixture an adapter provides, and small helpers.
import { randomBytes } from 'node:crypto';
import type { DocumentStore } from './document-store';

/** A clock the test moves, for adapters whose TTL expiry reads an injected clock. */
export type TestClock = { now(): number; advance(ms: number): void };

export type DocumentStoreFixture = {
  /** A connected store on a database of its own. */
  open(): Promise<DocumentStore>;
  /** Drops the database and closes the store. */
  close(store: DocumentStore): Promise<void>;
  /** True for adapters that expire TTL documents as soon as they are due on `clock` (checked, not allowed). */
  expiresDocuments?: boolean;
  clock?: TestClock;
};

export const uniqueCollection = (label: string): string => `${label}_${randomBytes(4).toString('hex')}`;

/** Starts `n` calls at once and waits for all of them. */
export const concurrently = <R>(n: number, call: (i: number) => Promise<R>): Promise<R[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => call(i)));

export const manualClock = (start = Date.UTC(2026, 0, 1)): TestClock => {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
};
