import type { PaymentCommand, PaymentFailureReason } from '../../domain/payment';
import type { Logger } from '../../infra/ports/logger';
import {
  GatewayError,
  GatewayTimeoutError,
  type ChargeRequest,
  type PaymentGateway,
} from '../../infra/ports/payment-gateway';
import { chargeRetryDelayMs, type ChargeRetryOptions } from './backoff';

export type ChargeOutcome =
  | { readonly kind: 'succeeded'; readonly chargeId: string; readonly attempts: number }
  | {
      readonly kind: 'failed';
      readonly reason: PaymentFailureReason;
      readonly message: string;
      readonly attempts: number;
    };

export type ChargeDeps = {
  readonly gateway: PaymentGateway;
  readonly retry: ChargeRetryOptions;
  readonly sleep: (ms: number) => Promise<void>;
  readonly logger: Logger;
};

const failureReasonOf = (error: GatewayError | GatewayTimeoutError): PaymentFailureReason =>
  error instanceof GatewayTimeoutError ? 'GATEWAY_TIMEOUT' : 'GATEWAY_ERROR';

/**
 * Charges once, retrying gateway errors and timeouts with backoff under the same idempotency key (so a
 * retry never charges twice). A decline is the card's answer: no retry. Anything else propagates.
 */
export async function chargeWithRetry(deps: ChargeDeps, request: ChargeRequest): Promise<ChargeOutcome> {
  const calls = deps.retry.retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await deps.gateway.charge(request);
      return answer.outcome === 'succeeded'
        ? { kind: 'succeeded', chargeId: answer.chargeId, attempts: attempt }
        : { kind: 'failed', reason: 'DECLINED', message: answer.message, attempts: attempt };
    } catch (error) {
      if (!(error instanceof GatewayError || error instanceof GatewayTimeoutError)) throw error;
      const meta = { idempotencyKey: request.idempotencyKey, attempt, error: error.message };
      if (attempt >= calls) {
        deps.logger.warn('payment gateway kept failing; giving up', meta);
        return { kind: 'failed', reason: failureReasonOf(error), message: error.message, attempts: attempt };
      }
      const retryInMs = chargeRetryDelayMs(attempt, deps.retry);
      deps.logger.warn('payment gateway call failed; retrying', { ...meta, retryInMs });
      await deps.sleep(retryInMs);
    }
  }
}

/** The payment command that records a charge's outcome. */
export function outcomeCommand(outcome: ChargeOutcome, now: Date): PaymentCommand {
  if (outcome.kind === 'succeeded') return { type: 'RecordSuccess', chargeId: outcome.chargeId, now };
  const { reason, message, attempts } = outcome;
  return { type: 'RecordFailure', reason, message, attempts, now };
}
