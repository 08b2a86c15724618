// The booking writes' answers, as the OpenAPI document names them (`npm run openapi`).
export type { BookingView } from '../../../domain/booking';
export type { PaymentAccepted } from '../pay-booking';
