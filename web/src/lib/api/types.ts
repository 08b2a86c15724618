/** The buyer's side of the API (`docs/api.md`), by the names the pages use; the shapes are the server's. */
import type { Schemas } from './schema';

export type Role = Schemas['UserRole'];
/** The language of the e-mails the platform sends the user. */
export type Locale = Schemas['UserLocale'];
export type User = Schemas['UserView'];
export type Session = Schemas['SignedIn'];

export type PageMeta = Schemas['PageMeta'];

/** An event of a list, without its shows; `waitingRoom` is null while the event has none. */
export type EventSummary = Schemas['EventSummary'];
/** A zone with the seats still available (`GET /events/:id`, `GET /shows/:id/zones`). */
export type Zone = Schemas['ZoneWithAvailability'];

/** A category of published events and how many there are (`GET /categories`). */
export type Category = Schemas['CategoryCount'];

export type Show = Schemas['ShowWithAvailability'];
export type EventDetail = Schemas['EventWithAvailability'];

export type BookingStatus = Schemas['BookingStatus'];
export type PaymentStatus = Schemas['BookingPaymentView']['status'];
/** Why a charge failed: only `DECLINED` is the card's answer, the others are the gateway's. */
export type PaymentFailureReason = Schemas['PaymentFailureReason'];

export type Booking = Schemas['BookingView'];

export type PaymentAccepted = Schemas['PaymentAccepted'];
