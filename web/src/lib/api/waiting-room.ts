import type { ApiClient } from './client';
import { query } from './query';
import type { Body, Data, Query, Schemas } from './schema';

/** An event's waiting-room settings (the event's `waitingRoom`). */
export type WaitingRoomSettings = Schemas['EventWaitingRoomResource'];

/** The body of `PUT /events/:id/waiting-room`: only the fields to change. */
export type WaitingRoomSettingsBody = Body<'configureWaitingRoom'>;

/** The answer to configuring, pausing or resuming a room. */
export type RoomSettingsAnswer = Schemas['WaitingRoomResource'];

export type QueuePhase = Schemas['QueuePhase'];
export type QueueState = Schemas['BuyerQueueState'];
export type QueueOdds = NonNullable<QueueStatus['odds']>;

/** The pass an admitted buyer shows in the `Queue-Pass` header of `POST /bookings`. */
export type QueuePass = Schemas['QueuePassGranted'];

/** One buyer's place in an event's queue (`GET|POST /events/:id/queue`). */
export type QueueStatus = Schemas['QueueStatus'];

/** The organizer's and the admin's live view of a room (`GET /events/:id/waiting-room`). */
export type WaitingRoomLive = Schemas['RoomLiveView'];

const id = encodeURIComponent;

/** The waiting room's endpoints (docs/api.md, "Waiting room"), typed. */
export function waitingRoomEndpoints(api: ApiClient) {
  return {
    join: (eventId: string) => api.request<Data<'joinQueue'>>('POST', `/events/${id(eventId)}/queue`),
    /** The buyer's status; with an `etag` the answer waits up to `waitSeconds` for a change (long poll). */
    status: (eventId: string, etag: string | undefined, waitSeconds: number, signal?: AbortSignal) => {
      const params: Query<'getQueueStatus'> = etag ? { wait: String(waitSeconds) } : {};
      return api.revalidate<Data<'getQueueStatus'>>(
        `/events/${id(eventId)}/queue${query(params)}`,
        etag,
        signal ? { signal } : {},
      );
    },
    configure: (eventId: string, body: WaitingRoomSettingsBody) =>
      api.request<Data<'configureWaitingRoom'>>('PUT', `/events/${id(eventId)}/waiting-room`, { body }),
    pause: (eventId: string) =>
      api.request<Data<'pauseAdmission'>>('POST', `/events/${id(eventId)}/waiting-room/pause`),
    resume: (eventId: string) =>
      api.request<Data<'resumeAdmission'>>('POST', `/events/${id(eventId)}/waiting-room/resume`),
    live: (eventId: string) =>
      api.request<Data<'getWaitingRoomLiveView'>>('GET', `/events/${id(eventId)}/waiting-room`),
  };
}

export type WaitingRoomEndpoints = ReturnType<typeof waitingRoomEndpoints>;
