import type { ApiClient } from './client';
import { query } from './query';
import type { ApiResult } from './result';
import type { Body, Data, Meta, Query } from './schema';

/** The endpoints of `/api/v1` the buyer's pages call, typed by the operations of `docs/openapi.json`. */
export function endpoints(api: ApiClient) {
  const startSession = async (result: Promise<ApiResult<Data<'login'>>>) => {
    const answer = await result;
    if (answer.ok) api.tokens.save(answer.data);
    return answer;
  };
  return {
    register: (body: Body<'register'>) =>
      startSession(api.request<Data<'register'>>('POST', '/auth/register', { body })),
    login: (body: Body<'login'>) => startSession(api.request<Data<'login'>>('POST', '/auth/login', { body })),
    async logout(): Promise<void> {
      const refreshToken = api.tokens.refreshToken;
      if (refreshToken && api.tokens.accessToken) {
        const body: Body<'logout'> = { refreshToken };
        await api.request<Data<'logout'>>('POST', '/auth/logout', { body });
      }
      api.tokens.clear();
    },
    me: () => api.request<Data<'getMe'>>('GET', '/auth/me'),
    updateProfile: (body: Body<'updateMe'>) => api.request<Data<'updateMe'>>('PUT', '/auth/me', { body }),
    listEvents: (params: Query<'listEvents'>) =>
      api.request<Data<'listEvents'>, Meta<'listEvents'>>('GET', `/events${query(params)}`),
    categories: () => api.request<Data<'listCategories'>>('GET', '/categories'),
    event: (idOrSlug: string) =>
      api.request<Data<'getEvent'>>('GET', `/events/${encodeURIComponent(idOrSlug)}`),
    zones: (showId: string) =>
      api.request<Data<'listShowZones'>>('GET', `/shows/${encodeURIComponent(showId)}/zones`),
    /** `queuePass`: the waiting room's pass, needed when the event's room is on. */
    reserve: (body: Body<'reserveSeats'>, idempotencyKey: string, queuePass?: string) =>
      api.request<Data<'reserveSeats'>>('POST', '/bookings', {
        body,
        idempotencyKey,
        ...(queuePass ? { headers: { 'queue-pass': queuePass } } : {}),
      }),
    pay: (bookingId: string, cardNumber: string, idempotencyKey: string) => {
      const body: Body<'payBooking'> = { method: 'card', cardNumber };
      return api.request<Data<'payBooking'>>('POST', `/bookings/${encodeURIComponent(bookingId)}/pay`, {
        body,
        idempotencyKey,
      });
    },
    cancel: (bookingId: string, idempotencyKey: string) =>
      api.request<Data<'cancelBooking'>>('POST', `/bookings/${encodeURIComponent(bookingId)}/cancel`, {
        idempotencyKey,
      }),
    booking: (id: string) => api.request<Data<'getBooking'>>('GET', `/bookings/${encodeURIComponent(id)}`),
    bookings: (params: Query<'listMyBookings'>) =>
      api.request<Data<'listMyBookings'>, Meta<'listMyBookings'>>('GET', `/bookings${query(params)}`),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
