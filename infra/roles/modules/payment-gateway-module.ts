import { ContainerModule } from 'inversify';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { MockPaymentGateway } from '../../payment-gateway';
import type { SqlClient } from '../../ports/sql';
import { PaymentTokens } from './payment-tokens';

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
