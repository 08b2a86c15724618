import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../domain/shared';
import type { Checkpoint } from '../../infra/ports/event-store';
import type { ProjectionStatus } from '../../infra/log-follower';
import { ProjectionControl, toProjectionView } from './projection-control';

const startedAt = new Date('2026-01-02T03:04:05.000Z');

function state(name: string, overrides: Partial<ProjectionStatus> = {}): ProjectionStatus {
  const checkpoint = '' as Checkpoint;
  return {
    name,
    status: 'live',
    position: 10,
    headPosition: 10,
    lag: 0,
    checkpoint,
    generation: 1,
    ...overrides,
  };
}

/** A supervisor whose rebuilds finish when the test says so. */
function fakeSupervisor(states: ProjectionStatus[], refuseWith?: AppError) {
  const finish = new Map<string, () => void>();
  const rebuilds: string[] = [];
  return {
    rebuilds,
    finish: (name: string) => finish.get(name)?.(),
    get names() {
      return states.map((s) => s.name);
    },
    list: async () => states,
    rebuild(name: string): Promise<void> {
      rebuilds.push(name);
      if (refuseWith) return Promise.reject(refuseWith);
      return new Promise<void>((resolve) => finish.set(name, resolve));
    },
  };
}

const code = (expected: string) => (error: unknown) => error instanceof AppError && error.code === expected;

describe('ProjectionControl', () => {
  it('lists the projections of every supervisor with rebuild progress in percent', async () => {
    const sql = fakeSupervisor([
      state('catalog'),
      state('bookings', { status: 'rebuilding', rebuild: { processed: 1, total: 3, startedAt } }),
    ]);
    const saga = fakeSupervisor([state('booking-saga', { position: 7, lag: 3, error: 'boom' })]);
    const listed = await new ProjectionControl([sql, saga]).list();
    assert.deepEqual(
      listed.map((p) => p.name),
      ['catalog', 'bookings', 'booking-saga'],
    );
    assert.deepEqual(listed[1]?.rebuild, {
      processed: 1,
      total: 3,
      percent: 33,
      startedAt: '2026-01-02T03:04:05.000Z',
    });
    assert.equal(listed[2]?.error, 'boom');
    assert.equal('rebuild' in listed[0]!, false);
    const empty = toProjectionView(state('x', { rebuild: { processed: 0, total: 0, startedAt } }));
    assert.equal(empty.rebuild?.percent, 100, 'an empty log is rebuilt at once');
  });

  it('starts a rebuild on the supervisor that owns the name and refuses a second one while it runs', async () => {
    const sql = fakeSupervisor([state('catalog')]);
    const saga = fakeSupervisor([state('booking-saga')]);
    const control = new ProjectionControl([sql, saga]);
    await control.startRebuild('booking-saga');
    assert.deepEqual(saga.rebuilds, ['booking-saga']);
    assert.deepEqual(sql.rebuilds, []);
    await assert.rejects(control.startRebuild('booking-saga'), code('INVALID_STATE'));
    saga.finish('booking-saga');
    await new Promise((resolve) => setImmediate(resolve));
    await control.startRebuild('booking-saga');
    assert.deepEqual(saga.rebuilds, ['booking-saga', 'booking-saga'], 'allowed again once finished');
  });

  it('refuses two concurrent requests for the same projection: one starts, the other is 409', async () => {
    const sql = fakeSupervisor([state('catalog')]);
    const control = new ProjectionControl([sql]);
    const outcomes = await Promise.allSettled([
      control.startRebuild('catalog'),
      control.startRebuild('catalog'),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected'],
    );
    assert.deepEqual(sql.rebuilds, ['catalog']);
  });

  it('answers 404 for an unknown name and 409 for one rebuilding, standing by or stopped here', async () => {
    const control = new ProjectionControl([
      fakeSupervisor([
        state('a', { status: 'rebuilding' }),
        state('b', { status: 'standby' }),
        state('c', { status: 'stopped' }),
        state('d', { rebuild: { processed: 0, total: 5, startedAt } }),
      ]),
    ]);
    await assert.rejects(control.startRebuild('nope'), code('NOT_FOUND'));
    for (const name of ['a', 'b', 'c', 'd'])
      await assert.rejects(control.startRebuild(name), code('INVALID_STATE'));
  });

  it('passes on a refusal the runner gives at once instead of accepting', async () => {
    const refusal = new AppError('INVALID_STATE', 'not active here');
    const control = new ProjectionControl([fakeSupervisor([state('catalog')], refusal)]);
    await assert.rejects(control.startRebuild('catalog'), (error) => error === refusal);
  });

  it('reports a rebuild that fails later to its error callback', async () => {
    const failures: string[] = [];
    let fail: (error: Error) => void = () => {};
    const supervisor = {
      names: ['catalog'],
      list: async () => [state('catalog')],
      rebuild: () => new Promise<void>((_resolve, reject) => (fail = reject)),
    };
    const control = new ProjectionControl([supervisor], (name, error) =>
      failures.push(`${name}: ${(error as Error).message}`),
    );
    await control.startRebuild('catalog');
    fail(new Error('stopped'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(failures, ['catalog: stopped']);
  });
});
