import type { ServiceIdentifier } from 'inversify';
import type { PaymentProcessor } from '../../../sagas/payment';
import type { PaymentGateway } from '../../ports/payment-gateway';

/**
 * What the payment modules bind: `payment-gateway-module.ts` the gateway, `payment-service-module.ts` the
 * processor.
 */
export const PaymentTokens = {
  /** The card gateway: the mock (README, "Payments": its test cards), its ledger in the SQL database. */
  Gateway: Symbol('PaymentGateway') as ServiceIdentifier<PaymentGateway>,
  /** Charges and refunds what the payments topic asks for, and appends the outcome. */
  Processor: Symbol('PaymentProcessor') as ServiceIdentifier<PaymentProcessor>,
} as const;
