import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SpanKind, type Attributes } from '@opentelemetry/api';
import { Redis } from 'ioredis';
import type { Metrics } from '../../ports/metrics';
import type { RedisClient } from '../../redis';
import { tokenBucketLua } from '../../limits/redis';
import { attr, inSpan, insideRecordedSpan, systems } from '../../tracing';

const read = (name: string) => readFileSync(path.join(import.meta.dirname, `${name}.lua`), 'utf8');

/** A Lua script run by EVALSHA; a server that lost its script cache (NOSCRIPT) gets the source once. */
export class LuaScript {
  readonly sha: string;

  /** `name` names the script in traces: `EVALSHA hold`. */
  constructor(
    readonly source: string,
    readonly name = 'script',
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Loads `<name>.lua` from this folder, with `lib.lua`'s helpers in front when asked. */
  static load(name: string, withLib = false): LuaScript {
    return new LuaScript(withLib ? `${read('lib')}\n${read(name)}` : read(name), name);
  }

  /**
   * Every call of a script runs through here: a CLIENT span named by the script when the work calling
   * it is traced, and the one place to time a call.
   */
  run(
    redis: RedisClient,
    keys: string[],
    args: (string | number)[],
    metrics?: Pick<Metrics, 'dbOperation'>,
  ): Promise<unknown> {
    const call = metrics
      ? () => this.timed(metrics, () => this.call(redis, keys, args))
      : () => this.call(redis, keys, args);
    if (!insideRecordedSpan()) return call();
    const summary = `EVALSHA ${this.name}`;
    return inSpan(
      summary,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [attr.dbSystemName]: systems.redis,
          [attr.dbOperationName]: 'EVALSHA',
          [attr.dbQuerySummary]: summary,
          ...serverOf(redis),
        },
      },
      call,
    );
  }

  /** One call's duration into `db_client_operation_duration_seconds`, named by the script (failed ones too). */
  private async timed<T>(metrics: Pick<Metrics, 'dbOperation'>, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      metrics.dbOperation(systems.redis, this.name, (performance.now() - started) / 1_000);
    }
  }

  /** On a cluster both EVALSHA and EVAL go to the node owning the first key's slot. */
  private async call(redis: RedisClient, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      // EVAL (not SCRIPT LOAD) routes by key on a cluster and caches the script on that node.
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/** The server a single Redis connection talks to; a cluster's node depends on the key, so none. */
function serverOf(redis: RedisClient): Attributes {
  if (!(redis instanceof Redis)) return {};
  const { host, port, db } = redis.options;
  return {
    ...(host !== undefined && { [attr.serverAddress]: host }),
    ...(port !== undefined && { [attr.serverPort]: port }),
    [attr.dbNamespace]: String(db ?? 0),
  };
}

export const scripts = {
  hold: new LuaScript(`${tokenBucketLua}\n${read('hold')}`, 'hold'),
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
