import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnavailableError, WrongExpectedVersionError, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../../ports/event-store';
import { KurrentConnection, deadlineFromConnectionString, normaliseConnectionString } from './connection';

function fakeClients(renewDelayMs = 0) {
  const created: Array<{ disposed: boolean }> = [];
  const connection = new KurrentConnection('kurrentdb://localhost:2113?tls=false', {
    deadlineMs: 50,
    minRenewDelayMs: renewDelayMs,
    maxRenewDelayMs: 1000,
    createClient: () => {
      const client = {
        disposed: false,
        async dispose() {
          client.disposed = true;
        },
      };
      created.push(client);
      return client as unknown as KurrentDBClient;
    },
  });
  return { connection, created };
}

const unavailable = () => Promise.reject(new UnavailableError());

describe('KurrentDB connection', () => {
  it('rewrites esdb:// to kurrentdb:// and keeps everything else', () => {
    assert.equal(normaliseConnectionString('esdb://host:2113?tls=false'), 'kurrentdb://host:2113?tls=false');
    assert.equal(
      normaliseConnectionString('esdb+discover://a,b?tls=true'),
      'kurrentdb+discover://a,b?tls=true',
    );
    assert.equal(normaliseConnectionString('kurrentdb://esdb://x'), 'kurrentdb://esdb://x');
  });

  it('reads defaultDeadline from the connection string', () => {
    assert.equal(deadlineFromConnectionString('kurrentdb://h:2113?tls=false&defaultDeadline=2500'), 2500);
    assert.equal(deadlineFromConnectionString('kurrentdb://h:2113?tls=false'), undefined);
  });

  it('reports a call that cannot reach the server as EventStoreUnavailableError with the cause', async () => {
    const { connection } = fakeClients();
    const cause = new UnavailableError();
    await assert.rejects(
      connection.call(() => Promise.reject(cause)),
      (error: unknown) => error instanceof EventStoreUnavailableError && error.cause === cause,
    );
  });

  it('reports a call that outlives the deadline as unavailable', async () => {
    const { connection } = fakeClients();
    await assert.rejects(
      connection.call(() => new Promise(() => {})),
      EventStoreUnavailableError,
    );
  });

  it('passes other failures through the mapping and keeps the client', async () => {
    const { connection, created } = fakeClients();
    const conflict = new WrongExpectedVersionError(undefined, {
      streamName: 's-1',
      expected: 0n,
      current: 1n,
    });
    await assert.rejects(
      connection.call(
        () => Promise.reject(conflict),
        () => new RangeError('mapped'),
      ),
      RangeError,
    );
    await connection.call(async () => 'ok');
    assert.equal(created.length, 1);
  });

  it('replaces a client that lost the server on the next call, and disposes the old one', async () => {
    const { connection, created } = fakeClients();
    await assert.rejects(connection.call(unavailable));
    const used = await connection.call(async (client) => client);
    assert.equal(created.length, 2);
    assert.equal(used, created[1]);
    assert.equal(created[0]!.disposed, true);
  });

  it('backs off between replacements while the server stays away', async () => {
    const { connection, created } = fakeClients(60_000);
    for (let i = 0; i < 5; i++) await assert.rejects(connection.call(unavailable));
    assert.equal(created.length, 2, 'one replacement, then wait');
  });
});
