import type { TakeResult } from '../rate-limiter';

/** A hold on seats, as the actor stored it: the price and expiry come from the server, never the client. */
export type Hold = {
  bookingId: string;
  eventId: string;
  zoneId: string;
  userId: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  /** Epoch ms; the hold is live while `now < expiresAt`. */
  expiresAt: number;
};

/** The buyer's token bucket for one event, taken from in the same atomic step as the hold. */
export type HoldBucket = { limit: number; refillPerSecond: number };

export type HoldRequest = Omit<Hold, 'expiresAt'> & {
  /**
   * Scoped to the event: the same key within one event always gets the first outcome back (a hold or a
   * remembered rejection) for `idempotencyTtlMs(ttlMs)`.
   */
  idempotencyKey: string;
  /** What makes two requests under one key "the same" (zone and quantity); another one is a reuse. */
  fingerprint?: string;
  /** The buyer's reservation rate limit for this event; without it no bucket is taken from. */
  bucket?: HoldBucket;
  /** Per buyer and event, across its zones and shows, counting live holds and confirmed seats. */
  maxPerUser: number;
  /**
   * The waiting-room pass the buyer presented (its signature already checked by the caller): while the
   * event's room is on, the hold needs the buyer's own unexpired, unused pass of this number, and uses
   * it up in the same step.
   */
  pass?: { seq: number };
  ttlMs: number;
  now: number;
};

export type HoldRejection =
  'INSUFFICIENT_SEATS' | 'TICKET_LIMIT_EXCEEDED' | 'ZONE_NOT_PROVISIONED' | 'ZONE_REBUILDING';

/** Why a waiting-room pass does not let a hold through (none is remembered under the key). */
export type PassRefusal =
  'QUEUE_PASS_REQUIRED' | 'QUEUE_PASS_INVALID' | 'QUEUE_PASS_EXPIRED' | 'QUEUE_PASS_USED';

/** Refusals decided before the seats are looked at: none is remembered under the key. */
export type HoldRefusal = 'RATE_LIMITED' | 'IDEMPOTENCY_KEY_REUSED' | PassRefusal;

/** Who is in an event's waiting room now. */
export type RoomOccupancy = {
  /** Granted a pass not yet expired, or holding seats through one until the hold ends. */
  inside: number;
  /** Of those, the ones whose pass is not used yet: they may still take seats. */
  passesOut: number;
};

/** A pass the waiting room granted: buyer, place in line, and until when it lets a hold through. */
export type GrantedPass = { userId: string; seq: number; expiresAt: number };

/** A buyer's latest pass as the actor keeps it: `used` once a hold went through with it. */
export type PassRecord = GrantedPass & { used: boolean };

/**
 * One call's outcome. A sold-out or over-limit rejection is remembered under the key like a hold
 * (`replayed: true` when a retry gets it back); a zone not provisioned or rebuilding is not (transient).
 * `bucket` is the buyer's bucket after this call, present when the request named one.
 */
export type HoldResult = (
  | { ok: true; hold: Hold; replayed: boolean }
  | { ok: false; reason: HoldRejection; available: number; replayed?: true }
  | { ok: false; reason: HoldRefusal; available: number }
) & { bucket?: TakeResult };

export type ConfirmResult = { ok: true } | { ok: false; reason: 'EXPIRED' | 'NOT_HELD' };

export type AdjustResult =
  | { ok: true; capacity: number; available: number }
  | { ok: false; reason: 'ZONE_NOT_PROVISIONED' | 'ZONE_REBUILDING' | 'BELOW_COMMITTED' };

export type ExpiredHold = Pick<Hold, 'bookingId' | 'eventId' | 'zoneId' | 'userId' | 'quantity'>;

/** A hold still live in the event store, replayed into the actor by a rebuild. */
export type LiveHold = Pick<
  Hold,
  'bookingId' | 'userId' | 'quantity' | 'unitPrice' | 'currency' | 'expiresAt'
>;

/** A booking whose seats are sold; the actor remembers it so that `returnConfirmed` gives them back once. */
export type ConfirmedBooking = Pick<Hold, 'bookingId' | 'userId' | 'quantity'>;

export type RebuildRequest = {
  eventId: string;
  zoneId: string;
  capacity: number;
  liveHolds: LiveHold[];
  /** The zone's bookings confirmed and not given back; the actor forgets every other one of the zone. */
  confirmedBookings: ConfirmedBooking[];
  /** Without it a rebuild refuses to touch a zone that has a live (not rebuilding) counter. */
  replaceLiveCounter?: boolean;
};

export type RebuildResult = { ok: true } | { ok: false; reason: 'LIVE_COUNTER' };

export type ZoneSnapshot = {
  capacity: number;
  available: number;
  held: number;
  confirmed: number;
  rebuilding: boolean;
};

type ZoneRef = { eventId: string; zoneId: string };

/**
 * The write-side owner of seat counts. Every operation is one atomic step (one Lua call in Redis),
 * and time is always passed in. Invariant per zone: available + held + confirmed = capacity.
 */
export type InventoryActor = {
  /** Creates the counter only if absent; never overwrites a live or rebuilding one. */
  provisionZone(input: ZoneRef & { capacity: number }): Promise<{ created: boolean }>;
  adjustCapacity(input: ZoneRef & { delta: number }): Promise<AdjustResult>;
  hold(input: HoldRequest): Promise<HoldResult>;
  /**
   * Returns the seats only if the hold is still held. The key's outcome stays (a retry gets the first
   * answer back) unless `forgetOutcome`: a hold whose booking was never recorded, so a retry holds afresh.
   */
  release(input: {
    eventId: string;
    bookingId: string;
    forgetOutcome?: boolean;
  }): Promise<{ released: boolean }>;
  /**
   * Confirms a hold still held and not past its expiry; a booking it confirmed already answers ok again
   * (a retry whose first answer was lost), until its seats are returned.
   */
  confirm(input: { eventId: string; bookingId: string; now: number }): Promise<ConfirmResult>;
  /**
   * Gives a confirmed booking's seats back to sale (a cancel after confirm), exactly once: false, and
   * nothing changed, for a booking already returned, never confirmed, or left out by a later rebuild.
   */
  returnConfirmed(input: { eventId: string; bookingId: string }): Promise<{ returned: boolean }>;
  /** Releases holds due at `now` (one event, or every event with zones), at most `limit` of them. */
  expireDue(input: { eventId?: string; now: number; limit: number }): Promise<ExpiredHold[]>;
  /** Marks a zone rebuilding (holds refused) before its state is read from the event store. */
  beginRebuild(input: ZoneRef & { replaceLiveCounter?: boolean }): Promise<RebuildResult>;
  /** Writes a zone's state derived from the event store and clears the rebuilding mark. */
  rebuildZone(input: RebuildRequest): Promise<RebuildResult>;
  snapshot(input: ZoneRef): Promise<ZoneSnapshot | undefined>;
  /** Turns the event's waiting room on (holds need a pass) or off. */
  setWaitingRoom(input: { eventId: string; enabled: boolean }): Promise<void>;
  /** Grants passes (a buyer's newer pass replaces an older one); each lets one hold through. */
  grantPasses(input: { eventId: string; passes: readonly GrantedPass[] }): Promise<void>;
  /**
   * Buyers inside the room at `now`: granted a pass not yet expired, or holding seats through one until
   * the hold is paid, let go or expires.
   */
  roomOccupancy(input: { eventId: string; now: number }): Promise<RoomOccupancy>;
  /** The buyer's latest pass for the event (expired ones too), if one was ever granted. */
  passOf(input: { eventId: string; userId: string }): Promise<PassRecord | undefined>;
  close(): Promise<void>;
};
