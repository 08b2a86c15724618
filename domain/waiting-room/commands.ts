import type { RecordedJoin } from './events';

type Issued = { readonly eventId: string; /** ISO 8601 UTC. */ readonly now: string };

export type OpenPreQueue = Issued & { readonly type: 'OpenPreQueue'; readonly seedCommitment: string };
export type RecordJoins = Issued & { readonly type: 'RecordJoins'; readonly joins: readonly RecordedJoin[] };
export type ShuffleQueue = Issued & { readonly type: 'ShuffleQueue'; readonly seed: string };
export type AdmitBuyers = Issued & {
  readonly type: 'AdmitBuyers';
  /** Places to let in, at most (the admission worker's budget). */
  readonly count: number;
  readonly passExpiresAt: string;
};
export type CloseQueue = Issued & { readonly type: 'CloseQueue'; readonly reason: 'sold-out' | 'cancelled' };
export type ReopenQueue = Issued & { readonly type: 'ReopenQueue' };

export type WaitingRoomCommand =
  OpenPreQueue | RecordJoins | ShuffleQueue | AdmitBuyers | CloseQueue | ReopenQueue;
