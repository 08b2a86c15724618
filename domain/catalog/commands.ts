import type { Actor } from './actor';
import type { EventDetails, WaitingRoomSettings } from './events';

type Issued = {
  readonly actor: Actor;
  /** ISO 8601 UTC; the decider has no clock. */
  readonly now: string;
};

/** `maxTicketsPerUser` may be left out (default 4); `saleEndsAt` too (the sale then ends when the event starts). */
export type NewEventDetails = Omit<EventDetails, 'maxTicketsPerUser' | 'saleEndsAt'> & {
  readonly saleEndsAt?: string;
  readonly maxTicketsPerUser?: number;
};

export type CreateEvent = Issued & {
  readonly type: 'CreateEvent';
  readonly eventId: string;
  /** Already claimed as unique by the command handler. */
  readonly slug: string;
  readonly tenantId: string | null;
  readonly details: NewEventDetails;
};

export type UpdateEvent = Issued & { readonly type: 'UpdateEvent'; readonly changes: Partial<EventDetails> };
export type PublishEvent = Issued & { readonly type: 'PublishEvent' };
export type CancelEvent = Issued & { readonly type: 'CancelEvent'; readonly reason?: string };

export type AddShow = Issued & {
  readonly type: 'AddShow';
  readonly showId: string;
  readonly name?: string;
  readonly startsAt: string;
};

/** Left out: unchanged; a null name clears it. */
export type UpdateShow = Issued & {
  readonly type: 'UpdateShow';
  readonly showId: string;
  readonly name?: string | null;
  readonly startsAt?: string;
};

export type AddZone = Issued & {
  readonly type: 'AddZone';
  readonly showId: string;
  readonly zoneId: string;
  readonly name: string;
  readonly price: number;
  readonly currency: string;
  readonly capacity: number;
};

export type UpdateZone = Issued & {
  readonly type: 'UpdateZone';
  readonly zoneId: string;
  readonly price?: number;
  readonly capacity?: number;
  /** Seats held or sold in the zone right now; a published zone cannot shrink below it. */
  readonly seatsTaken: number;
};

/** Left out: as before (or the default, for a room configured the first time). */
export type ConfigureWaitingRoom = Issued & {
  readonly type: 'ConfigureWaitingRoom';
  readonly settings: Partial<WaitingRoomSettings>;
};

export type PauseAdmission = Issued & { readonly type: 'PauseAdmission' };
export type ResumeAdmission = Issued & { readonly type: 'ResumeAdmission' };

export type CatalogCommand =
  | CreateEvent
  | UpdateEvent
  | PublishEvent
  | CancelEvent
  | AddShow
  | UpdateShow
  | AddZone
  | UpdateZone
  | ConfigureWaitingRoom
  | PauseAdmission
  | ResumeAdmission;
