import { randomUUID } from 'node:crypto';
import {
  eventDecider,
  eventNotFound,
  eventStreamId,
  findZone,
  initialEventState,
  looksLikeUuid,
  showNotFound,
  zoneNotFound,
  type CatalogCommand,
  type EventDetails,
  type ExistingEvent,
  type NewEventDetails,
  type Show,
  type WaitingRoomSettings,
  type Zone,
} from '../../domain/catalog';
import type { AppError, EventMetadata } from '../../domain/shared';
import type { Principal } from '../../infra/ports/auth';
import type { EventStore } from '../../infra/ports/event-store';
import { handleCommand } from '../shared';
import { CatalogPointers } from './catalog-pointers';
import type { CatalogView } from './catalog-view';
import type { SeatsTaken } from './seats-taken';
import { claimSlug } from './slug-claims';

export type CatalogCommandDeps = {
  readonly store: EventStore;
  /** The in-memory catalog: finds the event a show or zone belongs to without a read. */
  readonly view: Pick<CatalogView, 'eventIdOfShow' | 'eventIdOfZone'>;
  readonly seatsTaken: SeatsTaken;
  readonly clock?: () => Date;
  readonly newId?: () => string;
};

type Issued = { actor: Principal; metadata: EventMetadata };

/** The catalog's write side: each method runs one command against the `event-<id>` aggregate. */
export class CatalogCommands {
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private readonly pointers: CatalogPointers;

  constructor(private readonly deps: CatalogCommandDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
    this.pointers = new CatalogPointers(deps.store, deps.view);
  }

  async createEvent({ actor, metadata }: Issued, details: NewEventDetails): Promise<ExistingEvent> {
    const eventId = this.newId();
    const command = {
      type: 'CreateEvent',
      ...this.issued(actor),
      eventId,
      slug: '',
      tenantId: actor.tenantId,
      details,
    } as const;
    // Decide once before claiming a slug, so that a refused event does not use one up.
    eventDecider.decide(command, initialEventState);
    const slug = await claimSlug(this.deps.store, details.name, eventId, metadata);
    return this.run(eventId, { ...command, slug }, metadata);
  }

  updateEvent(
    { actor, metadata }: Issued,
    eventId: string,
    changes: Partial<EventDetails>,
  ): Promise<ExistingEvent> {
    return this.run(eventId, { type: 'UpdateEvent', ...this.issued(actor), changes }, metadata);
  }

  publishEvent({ actor, metadata }: Issued, eventId: string): Promise<ExistingEvent> {
    return this.run(eventId, { type: 'PublishEvent', ...this.issued(actor) }, metadata);
  }

  cancelEvent({ actor, metadata }: Issued, eventId: string, reason?: string): Promise<ExistingEvent> {
    return this.run(eventId, { type: 'CancelEvent', ...this.issued(actor), reason }, metadata);
  }

  /** Sets the event's waiting room up or changes it (live too); fields left out stay as they were. */
  configureWaitingRoom(
    { actor, metadata }: Issued,
    eventId: string,
    settings: Partial<WaitingRoomSettings>,
  ): Promise<ExistingEvent> {
    return this.run(eventId, { type: 'ConfigureWaitingRoom', ...this.issued(actor), settings }, metadata);
  }

  /** Stops (`pause`) or restarts admission from the event's waiting room. */
  setAdmissionPaused({ actor, metadata }: Issued, eventId: string, paused: boolean): Promise<ExistingEvent> {
    const type = paused ? 'PauseAdmission' : 'ResumeAdmission';
    return this.run(eventId, { type, ...this.issued(actor) }, metadata);
  }

  async addShow(
    { actor, metadata }: Issued,
    eventId: string,
    show: { startsAt: string; name?: string },
  ): Promise<{ event: ExistingEvent; show: Show }> {
    if (!looksLikeUuid(eventId)) throw eventNotFound();
    const showId = this.newId();
    await this.pointers.reserveShow(showId, eventId, metadata);
    const event = await this.run(
      eventId,
      { type: 'AddShow', ...this.issued(actor), showId, ...show },
      metadata,
    );
    return { event, show: event.shows.find((candidate) => candidate.id === showId)! };
  }

  async updateShow(
    { actor, metadata }: Issued,
    showId: string,
    changes: { name?: string | null; startsAt?: string },
  ): Promise<{ event: ExistingEvent; show: Show }> {
    const eventId = await this.find(showId, (id) => this.pointers.eventOfShow(id), showNotFound);
    const event = await this.run(
      eventId,
      { type: 'UpdateShow', ...this.issued(actor), showId, ...changes },
      metadata,
    );
    const show = event.shows.find((candidate) => candidate.id === showId);
    // A pointer whose AddShow was refused leads to an event without this show.
    if (!show) throw showNotFound(showId);
    return { event, show };
  }

  async addZone(
    { actor, metadata }: Issued,
    showId: string,
    zone: { name: string; price: number; currency: string; capacity: number },
  ): Promise<{ event: ExistingEvent; zone: Zone }> {
    const eventId = await this.find(showId, (id) => this.pointers.eventOfShow(id), showNotFound);
    const zoneId = this.newId();
    await this.pointers.reserveZone(zoneId, showId, eventId, metadata);
    const event = await this.run(
      eventId,
      { type: 'AddZone', ...this.issued(actor), showId, zoneId, ...zone },
      metadata,
    );
    return { event, zone: findZone(event, zoneId)! };
  }

  async updateZone(
    { actor, metadata }: Issued,
    zoneId: string,
    changes: { price?: number; capacity?: number },
  ): Promise<{ event: ExistingEvent; zone: Zone }> {
    const eventId = await this.find(zoneId, (id) => this.pointers.eventOfZone(id), zoneNotFound);
    const seatsTaken = await this.deps.seatsTaken.seatsTaken(zoneId);
    const command = { type: 'UpdateZone', ...this.issued(actor), zoneId, ...changes, seatsTaken } as const;
    const event = await this.run(eventId, command, metadata);
    return { event, zone: findZone(event, zoneId)! };
  }

  private issued(actor: Principal) {
    return { actor: { userId: actor.userId, role: actor.role }, now: this.clock().toISOString() };
  }

  private async find(
    id: string,
    eventOf: (id: string) => Promise<string | undefined>,
    missing: (id: string) => AppError,
  ): Promise<string> {
    const eventId = looksLikeUuid(id) ? await eventOf(id) : undefined;
    if (eventId === undefined) throw missing(id);
    return eventId;
  }

  private async run(
    eventId: string,
    command: CatalogCommand,
    metadata: EventMetadata,
  ): Promise<ExistingEvent> {
    if (!looksLikeUuid(eventId)) throw eventNotFound();
    const { state } = await handleCommand(
      this.deps.store,
      eventStreamId(eventId),
      eventDecider,
      command,
      metadata,
    );
    if (!state.exists) throw eventNotFound();
    return state;
  }
}
