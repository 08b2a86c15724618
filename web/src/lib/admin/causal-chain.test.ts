import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEntry } from '../api/admin';
import { causalChain } from './causal-chain';

function entry(eventId: string, position: number, causationId: string | null): AuditEntry {
  return {
    eventId,
    at: new Date(Date.UTC(2030, 0, 1, 10, 0, position)).toISOString(),
    position,
    streamId: `booking-${eventId}`,
    revision: 0,
    entity: { type: 'booking', id: eventId },
    action: `Action${eventId}`,
    actor: { kind: 'user', userId: 'u1', role: 'customer', tenantId: null },
    ip: null,
    userAgent: null,
    correlationId: 'corr-1',
    causationId,
    traceparent: null,
    changes: {},
  };
}

const shape = (links: ReturnType<typeof causalChain>) => links.map((l) => `${l.entry.eventId}@${l.depth}`);

describe('causalChain', () => {
  it('puts each event right after the event that caused it, one level deeper', () => {
    // The request reserved (a), the saga answered it (b, c), the payment result (d) came from b.
    const entries = [entry('d', 4, 'b'), entry('c', 3, 'a'), entry('a', 1, 'request-1'), entry('b', 2, 'a')];
    assert.deepEqual(shape(causalChain(entries)), ['a@0', 'b@1', 'd@2', 'c@1']);
  });

  it('keeps unrelated roots and siblings in log order', () => {
    const entries = [
      entry('y', 9, null),
      entry('x', 5, 'elsewhere'),
      entry('x2', 7, 'x'),
      entry('x1', 6, 'x'),
    ];
    assert.deepEqual(shape(causalChain(entries)), ['x@0', 'x1@1', 'x2@1', 'y@0']);
  });

  it('lists every entry once even when causation ids form a cycle or point at themselves', () => {
    const entries = [entry('p', 1, 'q'), entry('q', 2, 'p'), entry('s', 3, 's')];
    const chain = causalChain(entries);
    assert.deepEqual(chain.map((l) => l.entry.eventId).sort(), ['p', 'q', 's']);
    assert.deepEqual(shape(chain), ['s@0', 'p@0', 'q@1']);
  });

  it('is empty for no entries', () => {
    assert.deepEqual(causalChain([]), []);
  });
});
