import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestFingerprint, stableJson } from './fingerprint';

describe('requestFingerprint', () => {
  it('is the same for the same body with keys in another order', () => {
    const a = requestFingerprint('post', '/api/v1/bookings', {
      zoneId: 'z',
      quantity: 2,
      x: { b: 1, a: [2] },
    });
    const b = requestFingerprint('POST', '/api/v1/bookings', {
      x: { a: [2], b: 1 },
      quantity: 2,
      zoneId: 'z',
    });
    assert.equal(a, b);
    assert.match(a, /^[0-9a-f]{64}$/);
  });

  it('differs when the method, path or any body value differs', () => {
    const base = requestFingerprint('POST', '/api/v1/bookings', { quantity: 2 });
    assert.notEqual(requestFingerprint('PUT', '/api/v1/bookings', { quantity: 2 }), base);
    assert.notEqual(requestFingerprint('POST', '/api/v1/bookings/1/pay', { quantity: 2 }), base);
    assert.notEqual(requestFingerprint('POST', '/api/v1/bookings', { quantity: 3 }), base);
    assert.notEqual(requestFingerprint('POST', '/api/v1/bookings', [2]), base);
  });

  it('writes stable JSON like JSON.stringify, keys sorted, undefined fields left out', () => {
    assert.equal(
      stableJson({ b: [1, 'x', null], a: { d: undefined, c: true } }),
      '{"a":{"c":true},"b":[1,"x",null]}',
    );
    assert.equal(stableJson(undefined), 'null');
  });
});
