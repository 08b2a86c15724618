export type {
  ChargeRequest,
  ChargeResult,
  PaymentGateway,
  RefundRequest,
  RefundResult,
  TokenizeResult,
} from './payment-gateway';
export { GatewayError, GatewayTimeoutError } from './errors';
export { cardBrand, isValidCardNumber, testCards } from './cards';
