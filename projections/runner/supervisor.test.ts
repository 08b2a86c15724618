import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseDrivers } from '../../infra/testing';
import { streamIndexProjection } from '../stream-index';
import { Harness, fastOptions, readApplied, recordingProjection } from '../testing';
import { ProjectionNotFoundError } from './errors';
import { ProjectionSupervisor } from './supervisor';

for (const driver of databaseDrivers) {
  describe(`ProjectionSupervisor on ${driver.name}`, () => {
    test('starts, lists, rebuilds by name and stops every projection it holds', async () => {
      const h = await Harness.open(driver);
      const supervisor = ProjectionSupervisor.create(
        h.sql,
        h.store,
        [streamIndexProjection, recordingProjection({ filter: { categories: ['zone'] } })],
        fastOptions,
      );
      try {
        await supervisor.startAll();
        const last = await h.appendMany('zone', 3, 2);
        await supervisor.waitForAll(last.checkpoint);
        const listed = await supervisor.list();
        assert.deepEqual(
          listed.map(({ name, status, lag }) => ({ name, status, lag })),
          [
            { name: 'stream-index', status: 'live', lag: 0 },
            { name: 'recorder', status: 'live', lag: 0 },
          ],
        );

        await supervisor.rebuild('recorder');
        const recorder = (await supervisor.list()).find((status) => status.name === 'recorder');
        assert.equal(recorder?.generation, 2);
        assert.equal((await readApplied(h.sql)).length, 6);

        await supervisor.stopAll();
        assert.deepEqual(
          (await supervisor.list()).map((status) => status.status),
          ['stopped', 'stopped'],
        );
        const states = await h.sql.query<{ name: string; status: string }>(
          `SELECT name, status FROM projection_state ORDER BY name`,
        );
        assert.deepEqual(states, [
          { name: 'recorder', status: 'stopped' },
          { name: 'stream-index', status: 'stopped' },
        ]);
      } finally {
        await supervisor.stopAll();
        await h.close();
      }
    });
  });
}

test('rebuilding an unknown projection fails with NOT_FOUND', async () => {
  const supervisor = new ProjectionSupervisor([]);
  await assert.rejects(supervisor.rebuild('nope'), (error: unknown) => {
    assert.ok(error instanceof ProjectionNotFoundError);
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.status, 404);
    return true;
  });
});
