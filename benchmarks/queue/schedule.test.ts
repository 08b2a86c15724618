import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Schedule } from './schedule';

describe('the timing wheel', () => {
  it(
    'runs every action once, those due before it started included, and one added for a past time',
    { timeout: 5000 },
    async () => {
      const ran: number[] = [];
      let resolve: () => void = () => undefined;
      const done = new Promise<void>((finish) => (resolve = finish));
      const schedule = new Schedule((index) => {
        ran.push(index);
        if (index === 0) schedule.at(performance.now() - 50, 1000);
        if (ran.length === 1001) resolve();
      });
      const origin = performance.now();
      for (let index = 0; index < 1000; index++) schedule.at(origin + index * 0.05, index);
      // Busy past the first actions' times before starting, as scheduling 100,000 joins is.
      while (performance.now() < origin + 20);
      schedule.start(origin);
      await done;
      schedule.stop();
      assert.deepEqual(
        [...ran].sort((a, b) => a - b),
        Array.from({ length: 1001 }, (_, index) => index),
      );
    },
  );
});
