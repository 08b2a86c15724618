export type { PaymentRequests } from './payment-requests';
