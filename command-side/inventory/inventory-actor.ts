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

export type HoldRequest = Omit<Hold, 'expiresAt'> & {
  /** Scoped to the event: the same key within one event always gets the first answer back. */
  idempotencyKey: string;
  /** Per buyer and event, across its zones and shows, counting live holds and confirmed seats. */
  maxPerUser: number;
  ttlMs: number;
  now: number;
};

export type HoldRejection =
  'INSUFFICIENT_SEATS' | 'TICKET_LIMIT_EXCEEDED' | 'ZONE_NOT_PROVISIONED' | 'ZONE_REBUILDING';

export type HoldResult =
  { ok: true; hold: Hold; replayed: boolean } | { ok: false; reason: HoldRejection; available: number };

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
  /** Returns the seats only if the hold is still held. */
  release(input: { eventId: string; bookingId: string }): Promise<{ released: boolean }>;
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
  close(): Promise<void>;
};
