/** The API's shapes the web app reads (`docs/api.md`); fields it does not use are left out. */
import type { WaitingRoomSettings } from './waiting-room';

export type Role = 'customer' | 'organizer' | 'admin';
/** The language of the e-mails the platform sends the user. */
export type Locale = 'en' | 'th';
export type User = { id: string; email: string; name: string; role: Role; locale: Locale };
export type Session = { user: User; accessToken: string; refreshToken: string; expiresIn: number };

export type PageMeta = { page: number; pageSize: number; total: number; totalPages: number };

export type EventSummary = {
  id: string;
  slug: string;
  status: 'draft' | 'published' | 'cancelled';
  name: string;
  description: string;
  venue: string;
  category: string | null;
  startsAt: string;
  saleStartsAt: string;
  saleEndsAt: string | null;
  maxTicketsPerUser: number;
  /** Null (or absent, from an older server) while the event has no waiting room. */
  waitingRoom?: WaitingRoomSettings | null;
};

export type Zone = {
  id: string;
  showId: string;
  name: string;
  price: number;
  currency: string;
  capacity: number;
  available: number;
};

/** A category of published events and how many there are (`GET /categories`). */
export type Category = { name: string; events: number };

export type Show = { id: string; eventId: string; name: string | null; startsAt: string; zones: Zone[] };
export type EventDetail = EventSummary & { shows: Show[] };

export type BookingStatus = 'reserved' | 'confirmed' | 'cancelled' | 'expired' | 'refunded';
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';

export type Booking = {
  id: string;
  status: BookingStatus;
  eventId: string;
  showId: string;
  zoneId: string;
  quantity: number;
  unitPrice: number;
  totalPrice: number;
  currency: string;
  expiresAt: string;
  reservedAt: string;
  endedAt: string | null;
  confirmationCode: string | null;
  /** The e-ticket's QR payload, once confirmed. */
  ticket: string | null;
  payment: { paymentId: string; status: PaymentStatus; failureReason: string | null } | null;
};

export type PaymentAccepted = { bookingId: string; paymentId: string; status: PaymentStatus };
