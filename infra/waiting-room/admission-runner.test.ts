import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InProcessInventoryActor } from '../inventory/in-process';
import { PGliteSqlClient } from '../sql';
import { PostgresEventStore } from '../eventstore/postgres';
import { InProcessWaitingLine } from './index';
import { AdmissionWorker, type RoomOfEvent } from '../../command-side/waiting-room';
import { AdmissionRunner } from './admission-runner';

const quiet = { warn: () => {}, info: () => {} };

describe('the admission runner', () => {
  let sql: PGliteSqlClient;
  let store: PostgresEventStore;
  before(async () => {
    sql = await PGliteSqlClient.open();
    store = await PostgresEventStore.open(sql);
  });
  after(() => sql.close());

  it(
    'admits from one instance at a time; a standby takes over when the active one stops',
    { timeout: 10_000 },
    async () => {
      const steps = { first: 0, second: 0 };
      const onStep: (() => void)[] = [];
      /** Resolves once `reached` holds, looking again after every step of either runner. */
      const until = async (reached: () => boolean) => {
        while (!reached()) await new Promise<void>((resolve) => onStep.push(resolve));
      };
      const runner = (name: keyof typeof steps) => {
        const worker = new AdmissionWorker({
          store,
          line: new InProcessWaitingLine(),
          actor: new InProcessInventoryActor(),
          seedSecret: 'runner-test-seed',
          clock: Date.now,
        });
        worker.stepEvent = async () => {
          steps[name] += 1;
          for (const wake of onStep.splice(0)) wake();
        };
        const room = { eventId: 'e1' } as RoomOfEvent;
        return new AdmissionRunner(sql, worker, () => [room], { tickMs: 10, lockRetryMs: 10, logger: quiet });
      };
      const first = runner('first');
      const second = runner('second');
      await first.start();
      await second.start();
      // Three ticks of the active one, while the standby tried for the lock every 10 ms.
      await until(() => steps.first >= 3);
      assert.deepEqual([first.active, second.active, steps.second], [true, false, 0]);
      await first.stop();
      const stepsBeforeStop = steps.first;
      await until(() => steps.second >= 1);
      assert.equal(second.active, true);
      assert.equal(steps.first, stepsBeforeStop, 'the stopped one steps no more');
      await second.stop();
    },
  );

  it('keeps stepping the other rooms when one room’s step fails, and reads the failed one again', async () => {
    const worker = new AdmissionWorker({
      store,
      line: new InProcessWaitingLine(),
      actor: new InProcessInventoryActor(),
      seedSecret: 'runner-test-seed',
      clock: Date.now,
    });
    const stepped: string[] = [];
    const forgotten: string[] = [];
    worker.stepEvent = async (room) => {
      if (room.eventId === 'broken') throw new Error('stream unreadable');
      stepped.push(room.eventId);
    };
    worker.forget = (eventId) => void forgotten.push(eventId);
    const rooms = ['broken', 'fine'].map((eventId) => ({ eventId }) as RoomOfEvent);
    const runner = new AdmissionRunner(sql, worker, () => rooms, {
      tickMs: 1_000,
      lockRetryMs: 10,
      logger: quiet,
    });
    await runner.stepAll();
    assert.deepEqual([stepped, forgotten], [['fine'], ['broken']]);
  });
});
