import type { ApiClient } from './client';
import { query } from './query';
import type { ApiResult } from './result';
import type {
  Booking,
  Category,
  BookingStatus,
  EventDetail,
  EventSummary,
  Locale,
  PaymentAccepted,
  Session,
  User,
  Zone,
} from './types';

/** The endpoints of `/api/v1` the buyer's pages call, typed. */
export function endpoints(api: ApiClient) {
  const startSession = async (result: Promise<ApiResult<Session>>) => {
    const answer = await result;
    if (answer.ok) api.tokens.save(answer.data);
    return answer;
  };
  return {
    register: (body: { email: string; password: string; name: string }) =>
      startSession(api.request<Session>('POST', '/auth/register', { body })),
    login: (body: { email: string; password: string }) =>
      startSession(api.request<Session>('POST', '/auth/login', { body })),
    async logout(): Promise<void> {
      const refreshToken = api.tokens.refreshToken;
      if (refreshToken && api.tokens.accessToken)
        await api.request('POST', '/auth/logout', { body: { refreshToken } });
      api.tokens.clear();
    },
    me: () => api.request<User>('GET', '/auth/me'),
    updateProfile: (body: { name?: string; locale?: Locale }) =>
      api.request<User>('PUT', '/auth/me', { body }),
    listEvents: (params: { search?: string; category?: string; page?: number; pageSize?: number }) =>
      api.request<EventSummary[]>('GET', `/events${query(params)}`),
    categories: () => api.request<Category[]>('GET', '/categories'),
    event: (idOrSlug: string) => api.request<EventDetail>('GET', `/events/${encodeURIComponent(idOrSlug)}`),
    zones: (showId: string) => api.request<Zone[]>('GET', `/shows/${encodeURIComponent(showId)}/zones`),
    /** `queuePass`: the waiting room's pass, needed when the event's room is on. */
    reserve: (body: { zoneId: string; quantity: number }, idempotencyKey: string, queuePass?: string) =>
      api.request<Booking>('POST', '/bookings', {
        body,
        idempotencyKey,
        ...(queuePass ? { headers: { 'queue-pass': queuePass } } : {}),
      }),
    pay: (bookingId: string, cardNumber: string, idempotencyKey: string) =>
      api.request<PaymentAccepted>('POST', `/bookings/${encodeURIComponent(bookingId)}/pay`, {
        body: { method: 'card', cardNumber },
        idempotencyKey,
      }),
    cancel: (bookingId: string, idempotencyKey: string) =>
      api.request<Booking>('POST', `/bookings/${encodeURIComponent(bookingId)}/cancel`, { idempotencyKey }),
    booking: (id: string) => api.request<Booking>('GET', `/bookings/${encodeURIComponent(id)}`),
    bookings: (params: { status?: BookingStatus; page?: number; pageSize?: number }) =>
      api.request<Booking[]>('GET', `/bookings${query(params)}`),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
