import { Redis } from 'ioredis';
import { after } from 'node:test';
import { describeWaitingLineContract } from '../../ports/waiting-line/contract';
import { deleteKeysUnder, testKeyPrefix, testRedisUrl } from '../../testing';
import { RedisWaitingLine } from './redis-waiting-line';

const url = testRedisUrl();
/** A key prefix of our own: other suites share this server, so nothing here may flush it. */
const keyPrefix = testKeyPrefix('line');

describeWaitingLineContract('Redis + Lua (ioredis)', {
  open: async () => new RedisWaitingLine(new Redis(url), keyPrefix),
  close: (line) => line.close(),
  wipe: () => deleteKeysUnder(keyPrefix),
});

after(() => deleteKeysUnder(keyPrefix));
