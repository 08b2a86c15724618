import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { InvalidEventError, type ExpectedState } from '../../ports/event-store';
import { toActualRevision, toStreamState } from './expected-state';

describe('expected stream state for KurrentDB', () => {
  it('maps the three states to the client constants and a revision to a bigint', () => {
    assert.equal(toStreamState('any'), ANY);
    assert.equal(toStreamState('no_stream'), NO_STREAM);
    assert.equal(toStreamState('stream_exists'), STREAM_EXISTS);
    assert.equal(toStreamState(0), 0n);
    assert.equal(toStreamState(41), 41n);
    assert.equal(toStreamState(Number.MAX_SAFE_INTEGER), BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('rejects revisions that are negative, fractional, unsafe or not numbers', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53, 'latest' as ExpectedState]) {
      assert.throws(() => toStreamState(bad), InvalidEventError, String(bad));
    }
  });

  it('reports a missing, deleted or tombstoned stream as revision -1', () => {
    assert.equal(toActualRevision(NO_STREAM), -1);
    assert.equal(toActualRevision(-5n), -1);
    assert.equal(toActualRevision(-6n), -1);
    assert.equal(toActualRevision(0n), 0);
    assert.equal(toActualRevision(17n), 17);
  });
});
