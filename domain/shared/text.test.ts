import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from './error-codes';
import { assertWellFormedText } from './text';

describe('assertWellFormedText', () => {
  it('refuses a lone surrogate, high or low, with 400 naming the field', () => {
    for (const value of ['Ann \ud800', '\udc00', 'a\ud83d']) {
      assert.throws(
        () => assertWellFormedText('name', value),
        (error: unknown) =>
          error instanceof AppError &&
          error.code === 'VALIDATION_ERROR' &&
          JSON.stringify(error.details) ===
            JSON.stringify([
              {
                field: 'name',
                reasons: ['name must be well-formed Unicode text (it holds a lone surrogate)'],
              },
            ]),
      );
    }
  });

  it('accepts any well-formed text, emoji (surrogate pairs) included, and no text at all', () => {
    for (const value of ['Ann', 'สมชาย 🎫', '', null, undefined]) assertWellFormedText('name', value);
  });
});
