import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redacted } from '../../domain/shared';
import { sequenced } from '../documents/testing';
import { toAuditEntry } from './audit-entry';
import { History } from './testing';

const entryOf = (streamId: string, data: Record<string, unknown>) => {
  const history = new History();
  history.append(streamId, 'SomethingHappened', data);
  return toAuditEntry(sequenced(history.events)[0]!);
};

describe('toAuditEntry', () => {
  it('makes keys safe to store: no operator and no dotted path', () => {
    const entry = entryOf('booking-1', { $where: 1, 'a.b': 2, plain: 3 });
    assert.deepEqual(Object.keys(entry.changes as object), ['\uff04where', 'a\uff0eb', 'plain']);
  });

  it('keeps only ids, times and reasons of a stream that holds secrets', () => {
    const entry = entryOf('userSession-s1', { sessionId: 's1', digest: 'a3f1', endedAt: '2030-01-01' });
    assert.deepEqual(entry.changes, { sessionId: 's1', digest: redacted, endedAt: '2030-01-01' });
  });
});
