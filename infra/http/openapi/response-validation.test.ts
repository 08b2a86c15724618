import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Router } from 'express';
import { AppError } from '../../../domain/shared';
import { accepted, type ApiOperation } from '../../http-edge';
import { createHttpApp } from '../index';
import { recordingLogger, serve } from '../test-support';

const payment = { bookingId: 'b1', paymentId: 'p1', status: 'pending' };

const router = Router();
router.post('/:id/pay', (req, res) => {
  const mode = String(req.query.mode ?? '');
  if (mode === 'extra-field') return accepted(res, { ...payment, cardNumber: '4242424242424242' });
  if (mode === 'wrong-type') return accepted(res, { ...payment, status: 42 });
  if (mode === 'undocumented-code') throw new AppError('EMAIL_TAKEN', 'Not this operation’s');
  if (mode === 'undocumented-status') return res.status(207).json({ success: true, data: payment });
  if (mode === 'documented-error') throw new AppError('NOT_FOUND', 'No such booking');
  accepted(res, payment);
});

const operations: ApiOperation[] = [
  {
    method: 'post',
    path: '/:id/pay',
    operationId: 'payForTest',
    tag: 'Test',
    summary: 'Pay',
    access: 'public',
    params: { id: { description: 'The booking' } },
    responses: { 202: { description: 'Pending', data: 'PaymentAccepted' } },
    errors: ['NOT_FOUND'],
  },
];

describe('answers held to the OpenAPI document (API_RESPONSE_VALIDATION)', () => {
  const logger = recordingLogger();
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    const routes = [{ path: '/bookings', handler: router, operations }];
    server = await serve(createHttpApp({ logger, bodyLimitBytes: 1024, routes, validateResponses: true }));
  });
  after(() => server.close());

  const pay = async (mode: string) => {
    const response = await fetch(`${server.url}/api/v1/bookings/b1/pay?mode=${mode}`, { method: 'POST' });
    return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
  };

  it('lets a conforming answer and a documented error through untouched', async () => {
    assert.deepEqual(await pay('ok'), { status: 202, body: { success: true, data: payment } });
    assert.equal((await pay('documented-error')).status, 404);
    const unknown = await fetch(`${server.url}/api/v1/nowhere`);
    assert.equal(unknown.status, 404, 'an unknown path is held to the error envelope, which it matches');
  });

  for (const [mode, says] of [
    ['extra-field', /must NOT have additional properties/],
    ['wrong-type', /body\/data\/status must be equal to one of the allowed values|must be/],
    ['undocumented-code', /409 is not a documented answer of POST \/api\/v1\/bookings\/\{id\}\/pay/],
    ['undocumented-status', /207 is not a documented answer/],
  ] as const) {
    it(`turns a drifted answer (${mode}) into a 500 that says how, and logs it`, async () => {
      const answer = await pay(mode);
      assert.equal(answer.status, 500);
      assert.match(answer.body.error!.message, says);
      assert.ok(logger.lines.some((line) => line.msg === 'response does not match the OpenAPI document'));
    });
  }
});
