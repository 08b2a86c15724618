import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiError } from '../api';
import { formRefusal } from './form-check';

describe('formRefusal', () => {
  it('puts the messages of the fields a 400 names beside them, with no failure notice', () => {
    const error: ApiError = {
      status: 400,
      code: 'VALIDATION_ERROR',
      message: 'Invalid request body',
      details: [{ field: 'capacity', reasons: ['capacity must not be less than 1'] }],
    };
    assert.deepEqual(formRefusal(error), {
      errors: { capacity: 'capacity must not be less than 1' },
      failure: undefined,
    });
  });

  it('makes any other refusal the form failure', () => {
    const error: ApiError = { status: 409, code: 'INVALID_STATE', message: 'Event is cancelled' };
    assert.deepEqual(formRefusal(error), { errors: {}, failure: error });
  });
});
