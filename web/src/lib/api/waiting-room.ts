import type { ApiClient } from './client';
import { query } from './query';

/** An event's waiting-room settings (`PUT /events/:id/waiting-room`, the event's `waitingRoom`). */
export type WaitingRoomSettings = {
  enabled: boolean;
  preQueueOpensAt: string;
  admissionPerMinute: number;
  maxInside: number;
  passLifetimeSeconds: number;
  paused: boolean;
};

export type WaitingRoomSettingsBody = Partial<Omit<WaitingRoomSettings, 'paused'>>;

export type RoomSettingsAnswer = WaitingRoomSettings & { eventId: string };

export type QueuePhase = 'not-opened' | 'prequeue' | 'open' | 'closed';
export type QueueState =
  'not-joined' | 'pre-queue' | 'waiting' | 'admitted' | 'used' | 'expired' | 'sold-out';
export type QueueOdds = 'likely' | 'possible' | 'unlikely' | 'sold-out';

/** The pass an admitted buyer shows in the `Queue-Pass` header of `POST /bookings`. */
export type QueuePass = { token: string; expiresAt: string };

/** One buyer's place in an event's queue (`GET|POST /events/:id/queue`). */
export type QueueStatus = {
  eventId: string;
  state: QueueState;
  phase: QueuePhase;
  place: number | null;
  ahead: number | null;
  /** Null while admission is paused (or not yet known). */
  waitSeconds: number | null;
  odds: QueueOdds | null;
  seatsLeft: number | null;
  preQueueOpensAt: string | null;
  saleStartsAt: string | null;
  pass: QueuePass | null;
  pollAfterSeconds: number | null;
};

/** The organizer's and the admin's live view of a room (`GET /events/:id/waiting-room`). */
export type WaitingRoomLive = {
  eventId?: string;
  settings: WaitingRoomSettings;
  phase: QueuePhase;
  waiting: number;
  admittedLastMinute: number;
  inside: number;
  passesOut: number;
  seatsLeft: number;
  medianWaitSeconds: number | null;
  estimates: { samples: number; medianErrorSeconds: number | null; withinTwentyPercent: number | null };
};

const id = encodeURIComponent;

/** The waiting room's endpoints (docs/api.md, "Waiting room"), typed. */
export function waitingRoomEndpoints(api: ApiClient) {
  return {
    join: (eventId: string) => api.request<QueueStatus>('POST', `/events/${id(eventId)}/queue`),
    /** The buyer's status; with an `etag` the answer waits up to `waitSeconds` for a change (long poll). */
    status: (eventId: string, etag: string | undefined, waitSeconds: number, signal?: AbortSignal) =>
      api.revalidate<QueueStatus>(
        `/events/${id(eventId)}/queue${query({ wait: etag ? waitSeconds : undefined })}`,
        etag,
        signal ? { signal } : {},
      ),
    configure: (eventId: string, body: WaitingRoomSettingsBody) =>
      api.request<RoomSettingsAnswer>('PUT', `/events/${id(eventId)}/waiting-room`, { body }),
    pause: (eventId: string) =>
      api.request<RoomSettingsAnswer>('POST', `/events/${id(eventId)}/waiting-room/pause`),
    resume: (eventId: string) =>
      api.request<RoomSettingsAnswer>('POST', `/events/${id(eventId)}/waiting-room/resume`),
    live: (eventId: string) => api.request<WaitingRoomLive>('GET', `/events/${id(eventId)}/waiting-room`),
  };
}

export type WaitingRoomEndpoints = ReturnType<typeof waitingRoomEndpoints>;
