import type { InventoryActor } from '../../infra/ports/inventory-actor';
import type { LinePosition } from '../../infra/ports/waiting-line';
import type { RoomSnapshot } from './queue-status';

export type RoomSnapshotsDeps = {
  readonly actor: InventoryActor;
  readonly line: { position(eventId: string, userId: string): Promise<LinePosition> };
  /** The event's zones (the catalog's). */
  readonly zonesOf: (eventId: string) => readonly string[];
  readonly clock: () => number;
  /** How old a snapshot may be when served, and how often a watched event is looked at (ms). */
  readonly maxAgeMs: number;
};

type Cached = { readonly at: number; readonly value: Promise<RoomSnapshot> };
/** Each waiter with the fingerprint its status was made from. */
type Watch = { readonly waiters: Map<() => void, string>; seen: string | undefined; timer?: NodeJS.Timeout };

/** What a buyer's status was computed from, as one comparable string: the line's counters and the room's. */
export function fingerprintOf(position: LinePosition, snapshot: RoomSnapshot): string {
  const { phase, admittedUpTo, lastPlace, prequeued } = position;
  const { seatsLeft, inside, passesOut } = snapshot;
  return `${phase}|${admittedUpTo}|${lastPlace}|${prequeued}|${seatsLeft}|${inside}|${passesOut}`;
}

/**
 * The room's seats and buyers inside per event, read at most once per `maxAgeMs` however many buyers ask
 * (100,000 status reads a minute cost one read of the counters per interval, not one each); and the
 * watch behind long polls: one look per interval at an event someone waits on, waking every waiter when
 * what their status is made of changed.
 */
export class RoomSnapshots {
  readonly #cache = new Map<string, Cached>();
  readonly #watches = new Map<string, Watch>();

  constructor(private readonly deps: RoomSnapshotsDeps) {}

  of(eventId: string): Promise<RoomSnapshot> {
    const now = this.deps.clock();
    const cached = this.#cache.get(eventId);
    if (cached && now - cached.at < this.deps.maxAgeMs) return cached.value;
    const value = this.#read(eventId, now);
    this.#cache.set(eventId, { at: now, value });
    value.catch(() => this.#cache.delete(eventId));
    return value;
  }

  /**
   * Resolves once the event's fingerprint differs from `seen` (at once when it already does), or at
   * `deadline` (epoch ms), whichever comes first.
   */
  changed(eventId: string, seen: string, deadline: number): Promise<void> {
    const watch = this.#watches.get(eventId) ?? this.#startWatch(eventId);
    if (watch.seen !== undefined && watch.seen !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        watch.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, deadline - this.deps.clock()));
      watch.waiters.set(wake, seen);
    });
  }

  close(): void {
    for (const watch of this.#watches.values()) {
      clearTimeout(watch.timer);
      for (const wake of [...watch.waiters.keys()]) wake();
    }
    this.#watches.clear();
  }

  #startWatch(eventId: string): Watch {
    const watch: Watch = { waiters: new Map(), seen: undefined };
    this.#watches.set(eventId, watch);
    const look = async () => {
      try {
        const [position, snapshot] = await Promise.all([
          this.deps.line.position(eventId, ''),
          this.of(eventId),
        ]);
        watch.seen = fingerprintOf(position, snapshot);
        for (const [wake, seen] of [...watch.waiters]) if (seen !== watch.seen) wake();
      } catch {
        // Redis away: waiters keep waiting until it answers again or their deadline comes.
      }
      if (watch.waiters.size === 0 && watch.seen !== undefined) {
        this.#watches.delete(eventId);
        return;
      }
      watch.timer = setTimeout(() => void look(), this.deps.maxAgeMs);
    };
    void look();
    return watch;
  }

  async #read(eventId: string, now: number): Promise<RoomSnapshot> {
    const zones = this.deps.zonesOf(eventId);
    const [occupancy, ...snapshots] = await Promise.all([
      this.deps.actor.roomOccupancy({ eventId, now }),
      ...zones.map((zoneId) => this.deps.actor.snapshot({ eventId, zoneId })),
    ]);
    let seatsLeft = 0;
    let seatsTaken = 0;
    for (const snapshot of snapshots) {
      seatsLeft += snapshot?.available ?? 0;
      seatsTaken += (snapshot?.held ?? 0) + (snapshot?.confirmed ?? 0);
    }
    return { seatsLeft, seatsTaken, ...occupancy };
  }
}
