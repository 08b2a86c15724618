import { ContainerModule, type ServiceIdentifier } from 'inversify';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { MockPaymentGateway } from '../../payment-gateway';
import type { PaymentGateway } from '../../ports/payment-gateway';
import type { SqlClient } from '../../ports/sql';

export const PaymentTokens = {
  /** The card gateway: the mock (README, "Payments": its test cards), its ledger in the SQL database. */
  Gateway: Symbol('PaymentGateway') as ServiceIdentifier<PaymentGateway>,
} as const;

/** The payment gateway: the command side tokenises cards with it, the payment service charges and refunds. */
export const paymentGatewayModule = new ContainerModule(({ bind }) => {
  bind(PaymentTokens.Gateway)
    .toResolvedValue(
      (config: Config, sql: SqlClient) =>
        MockPaymentGateway.open(sql, {
          latencyMs: config.payments.gatewayLatencyMs,
          callTimeoutMs: config.payments.gatewayTimeoutMs,
        }),
      [TOKENS.Config, TOKENS.SqlClient],
    )
    .inSingletonScope();
});
