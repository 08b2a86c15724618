import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeAdminError, formatJson } from './errors';

describe('describeAdminError', () => {
  it('names a refused rebuild with the API message instead of the buyer wording about holds', () => {
    const advice = describeAdminError({
      code: 'INVALID_STATE',
      message: 'Projection catalog is already rebuilding',
      status: 409,
    });
    assert.equal(advice.title, 'Not possible right now');
    assert.equal(advice.message, 'Projection catalog is already rebuilding');
  });

  it('shows a bad filter as the API explained it, and falls back to the common wording', () => {
    const bad = describeAdminError({
      code: 'VALIDATION_ERROR',
      message: 'from must be before to',
      status: 400,
    });
    assert.equal(bad.message, 'from must be before to');
    assert.equal(
      describeAdminError({ code: 'NETWORK_ERROR', message: 'x', status: 0 }).title,
      'No connection',
    );
    assert.equal(describeAdminError({ code: 'FORBIDDEN', message: 'x', status: 403 }).title, 'Admins only');
  });

  it('formats JSON for reading', () => {
    assert.equal(formatJson({ a: 1 }), '{\n  "a": 1\n}');
    assert.equal(formatJson(undefined), '—');
    assert.equal(formatJson(null), 'null');
  });
});
