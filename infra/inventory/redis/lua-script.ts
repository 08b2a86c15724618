import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RedisClient } from '../../redis';
import { tokenBucketLua } from '../../limits/redis';

const read = (name: string) => readFileSync(path.join(import.meta.dirname, `${name}.lua`), 'utf8');

/** A Lua script run by EVALSHA; a server that lost its script cache (NOSCRIPT) gets the source once. */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Loads `<name>.lua` from this folder, with `lib.lua`'s helpers in front when asked. */
  static load(name: string, withLib = false): LuaScript {
    return new LuaScript(withLib ? `${read('lib')}\n${read(name)}` : read(name));
  }

  /** On a cluster both EVALSHA and EVAL go to the node owning the first key's slot. */
  async run(redis: RedisClient, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      // EVAL (not SCRIPT LOAD) routes by key on a cluster and caches the script on that node.
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

export const scripts = {
  hold: new LuaScript(`${tokenBucketLua}\n${read('hold')}`),
  release: LuaScript.load('release', true),
  confirm: LuaScript.load('confirm', true),
  returnConfirmed: LuaScript.load('return-confirmed', true),
  expire: LuaScript.load('expire', true),
  provision: LuaScript.load('provision'),
  grantPasses: LuaScript.load('grant-passes'),
  roomOccupancy: LuaScript.load('room-occupancy'),
  adjust: LuaScript.load('adjust'),
  beginRebuild: LuaScript.load('begin-rebuild'),
  applyRebuild: LuaScript.load('apply-rebuild', true),
};
