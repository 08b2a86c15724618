import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyValueStorage } from '../api/token-store';
import { PassStore } from './pass-store';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const at = (iso: string) => Date.parse(iso);

describe('the queue passes a tab keeps', () => {
  it('gives back the pass kept for an event while it is good, and none for another event', () => {
    const store = new PassStore(memoryStorage());
    store.keep('event-1', { token: 'pass-1', expiresAt: '2030-01-01T12:05:00.000Z' });
    assert.deepEqual(store.current('event-1', at('2030-01-01T12:00:00Z')), {
      token: 'pass-1',
      expiresAt: '2030-01-01T12:05:00.000Z',
    });
    assert.equal(store.current('event-2', at('2030-01-01T12:00:00Z')), undefined);
  });

  it('survives a new store on the same storage (a reload)', () => {
    const storage = memoryStorage();
    new PassStore(storage).keep('event-1', { token: 'pass-1', expiresAt: '2030-01-01T12:05:00.000Z' });
    assert.equal(new PassStore(storage).current('event-1', at('2030-01-01T12:04:59Z'))?.token, 'pass-1');
  });

  it('forgets a pass once it has expired', () => {
    const storage = memoryStorage();
    const store = new PassStore(storage);
    store.keep('event-1', { token: 'pass-1', expiresAt: '2030-01-01T12:05:00.000Z' });
    assert.equal(store.current('event-1', at('2030-01-01T12:05:00Z')), undefined);
    assert.equal(storage.map.size, 0);
  });

  it('ignores and removes a stored value it cannot read', () => {
    const storage = memoryStorage();
    storage.map.set('booking-rush.queue-pass.event-1', '{not json');
    storage.map.set('booking-rush.queue-pass.event-2', JSON.stringify({ token: 1, expiresAt: 'soon' }));
    const store = new PassStore(storage);
    assert.equal(store.current('event-1', 0), undefined);
    assert.equal(store.current('event-2', 0), undefined);
    assert.equal(storage.map.size, 0);
  });

  it('works without any storage (outside a browser)', () => {
    const store = new PassStore(undefined);
    store.keep('event-1', { token: 'pass-1', expiresAt: '2030-01-01T12:05:00.000Z' });
    assert.equal(store.current('event-1', 0), undefined);
  });
});
