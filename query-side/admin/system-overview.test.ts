import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProjectionStatus, SupervisedProjections } from '../../infra/log-follower';
import type { Checkpoint, EventStore, ReadAllResult, RecordedEvent } from '../../infra/ports/event-store';
import type { FollowerFigures, SystemReading } from '../../infra/ports/system-status';
import { SystemOverview } from './system-overview';

const readAt = new Date('2026-12-01T12:00:00.000Z');
const at = (value: string) => value as Checkpoint;

function status(name: string, fields: Partial<ProjectionStatus> = {}): ProjectionStatus {
  return {
    name,
    status: 'live',
    position: 100,
    headPosition: 100,
    lag: 0,
    checkpoint: at(`cp-${name}`),
    generation: 1,
    ...fields,
  };
}

const supervisor = (statuses: ProjectionStatus[]): SupervisedProjections => ({
  names: statuses.map((state) => state.name),
  list: async () => statuses,
  rebuild: async () => {},
});

function reading(followers: FollowerFigures[]): SystemReading {
  return {
    scope: 'this-process',
    metrics: 'on',
    process: {
      role: 'start',
      version: '1',
      uptimeSeconds: 10,
      heapUsedBytes: 1,
      rssBytes: 2,
      eventLoopLagP99Seconds: 0.01,
    },
    traffic: [],
    backlogs: { sagaCommandsDue: 0, deadLetters: [], waitingRoomQueues: [] },
    followers,
  };
}

/** A store whose first event after any checkpoint was recorded `ageSeconds` before `readAt`. */
function storeWithNextEventAged(ageSeconds: number): { store: Pick<EventStore, 'readAll'>; after: string[] } {
  const after: string[] = [];
  const store = {
    async readAll(options?: { after?: Checkpoint }): Promise<ReadAllResult> {
      after.push(String(options?.after));
      const event = { createdAt: new Date(readAt.getTime() - ageSeconds * 1_000) } as RecordedEvent;
      return { events: [event], checkpoint: at('next'), endOfLog: false };
    },
  };
  return { store, after };
}

describe('SystemOverview', () => {
  it('gives each projection the lag its follower reports here, and lists the other followers after', async () => {
    const { store } = storeWithNextEventAged(0);
    const overview = new SystemOverview(
      {
        read: async () =>
          reading([
            { name: 'projection:bookings', lagEvents: 7, lagSeconds: 42, failures: 3, recentFailures: 0 },
            { name: 'relay:integration-relay', lagEvents: 2, lagSeconds: 1, failures: 1, recentFailures: 1 },
          ]),
      },
      [supervisor([status('bookings', { lag: 7 }), status('catalog')])],
      store,
      () => readAt,
    );
    const view = await overview.read();
    assert.equal(view.scope, 'this-process');
    assert.equal(view.readAt, readAt.toISOString());
    assert.deepEqual(view.followers, [
      {
        name: 'bookings',
        phase: 'live',
        lagEvents: 7,
        lagSeconds: 42,
        failures: 3,
        recentFailures: 0,
        late: true,
        failing: false,
      },
      {
        name: 'catalog',
        phase: 'live',
        lagEvents: 0,
        lagSeconds: 0,
        failures: null,
        recentFailures: null,
        late: false,
        failing: false,
      },
      {
        name: 'relay:integration-relay',
        phase: null,
        lagEvents: 2,
        lagSeconds: 1,
        failures: 1,
        recentFailures: 1,
        late: false,
        failing: true,
      },
    ]);
  });

  it('ages a recorded lag by the first event after the recorded checkpoint, and flags a failed one', async () => {
    const { store, after } = storeWithNextEventAged(31);
    const overview = new SystemOverview(
      { read: async () => reading([]) },
      [
        supervisor([status('audit', { lag: 5, checkpoint: at('cp-audit') })]),
        supervisor([status('booking-saga', { status: 'failed', lag: 0, error: 'database down' })]),
      ],
      store,
      () => readAt,
    );
    const [audit, saga] = (await overview.read()).followers;
    assert.deepEqual(after, ['cp-audit'], 'the log is read only for a projection that lags');
    assert.equal(audit?.lagSeconds, 31);
    assert.equal(audit?.late, true, 'more than 30 s behind');
    assert.equal(saga?.failing, true);
    assert.equal(saga?.error, 'database down');
    assert.equal(saga?.late, false);
  });
});
