import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiError, ErrorCode } from './api/result';
import { describeError, describePaymentFailure } from './errors';

const apiError = (code: ErrorCode, extra: Partial<ApiError> = {}): ApiError => ({
  code,
  message: `raw ${code}`,
  status: 409,
  ...extra,
});

describe('error mapping', () => {
  it('turns a network failure into a retry', () => {
    const advice = describeError({ code: 'NETWORK_ERROR', message: 'fetch failed', status: 0 });
    assert.equal(advice.title, 'No connection');
    assert.equal(advice.nextStep, 'retry');
    assert.equal(advice.actionLabel, 'Try again');
  });

  it('asks for fewer seats when some are left and sends back to the event when sold out', () => {
    const fewer = describeError(apiError('INSUFFICIENT_SEATS', { details: { available: 2 } }));
    assert.equal(fewer.nextStep, 'fewer-seats');
    assert.match(fewer.message, /Only 2 seats/);
    const soldOut = describeError(apiError('INSUFFICIENT_SEATS', { details: { available: 0 } }));
    assert.equal(soldOut.title, 'Sold out');
    assert.equal(soldOut.nextStep, 'back-to-event');
  });

  it('explains the per-buyer limit, a closed sale, an ended hold and a taken email', () => {
    assert.equal(describeError(apiError('TICKET_LIMIT_EXCEEDED')).nextStep, 'fewer-seats');
    assert.equal(describeError(apiError('SALE_NOT_OPEN')).nextStep, 'back-to-event');
    assert.equal(describeError(apiError('INVALID_STATE')).nextStep, 'new-hold');
    assert.equal(describeError(apiError('EMAIL_TAKEN')).nextStep, 'sign-in');
    assert.equal(describeError(apiError('UNAUTHORIZED', { status: 401 })).nextStep, 'sign-in');
  });

  it('says how long to wait when rate limited', () => {
    const advice = describeError(apiError('RATE_LIMITED', { status: 429, retryAfterSeconds: 3 }));
    assert.equal(advice.nextStep, 'wait');
    assert.match(advice.message, /3 seconds/);
  });

  it('never shows a raw server error but keeps a validation message', () => {
    const outage = describeError(apiError('SERVICE_UNAVAILABLE', { status: 503 }));
    assert.equal(outage.nextStep, 'retry');
    assert.doesNotMatch(outage.message, /raw/);
    assert.equal(describeError(apiError('VALIDATION_ERROR')).message, 'raw VALIDATION_ERROR');
  });

  it('speaks to the buyer about a card number the server refused, not in field names', () => {
    const advice = describeError(
      apiError('VALIDATION_ERROR', {
        status: 400,
        message: 'cardNumber: not a valid card number',
        details: [{ field: 'cardNumber', reasons: ['not a valid card number (Luhn check failed)'] }],
      }),
    );
    assert.equal(advice.title, 'Check the card number');
    assert.equal(advice.message, 'That card number is not valid. Check the digits and try again.');
    assert.equal(advice.nextStep, 'fix-fields');
  });

  it('sends a buyer without a good queue pass back to the queue', () => {
    for (const code of [
      'QUEUE_PASS_REQUIRED',
      'QUEUE_PASS_INVALID',
      'QUEUE_PASS_FOREIGN',
      'QUEUE_PASS_EXPIRED',
      'QUEUE_PASS_USED',
    ] as const)
      assert.equal(describeError(apiError(code, { status: 403 })).nextStep, 'join-queue', code);
    assert.equal(describeError(apiError('QUEUE_CLOSED')).title, 'Sold out — the queue has closed');
  });

  it('offers another card after a declined payment', () => {
    assert.equal(describePaymentFailure('DECLINED').title, 'Card declined');
    const error = describePaymentFailure('GATEWAY_TIMEOUT');
    assert.equal(error.title, 'Payment failed');
    assert.match(error.message, /did not answer in time/);
    assert.equal(error.nextStep, 'another-card');
  });
});
