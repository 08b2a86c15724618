import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { QueuePhase, QueueState, RecordedJoin } from '../../../domain/waiting-room';
import { inventoryKeys } from '../../inventory/redis/keys';
import { LuaScript } from '../../inventory/redis/lua-script';
import type { JoinOutcome, LinePosition, WaitingLine } from '../../ports/waiting-line';
import type { RedisClient } from '../../redis';

const script = (name: string) =>
  new LuaScript(readFileSync(path.join(import.meta.dirname, `${name}.lua`), 'utf8'));

const scripts = {
  join: script('join'),
  position: script('position'),
  endPreQueue: script('end-pre-queue'),
  numberPreQueue: script('number-pre-queue'),
  lineState: script('line-state'),
};

/** Under the inventory's hash tag `{evt:<eventId>}`, so a cluster keeps an event's keys together. */
function lineKeys(prefix: string, eventId: string) {
  const { base } = inventoryKeys(prefix, eventId);
  return {
    line: `${base}line`,
    members: `${base}line:members`,
    prequeue: `${base}line:pre`,
    unrecorded: `${base}line:unrecorded`,
  };
}

const chunk = 1_000;

/** The waiting line on Redis: one Lua call per step, keys hash-tagged per event. */
export class RedisWaitingLine implements WaitingLine {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'br:',
  ) {}

  async openPreQueue(eventId: string): Promise<void> {
    await scripts.lineState.run(this.redis, [lineKeys(this.prefix, eventId).line], ['open-pre-queue', 0]);
  }

  async join(eventId: string, userId: string, now: number): Promise<JoinOutcome> {
    const keys = lineKeys(this.prefix, eventId);
    const [status, place, joinedAt] = (await scripts.join.run(
      this.redis,
      [keys.line, keys.members, keys.prequeue, keys.unrecorded],
      [userId, now],
    )) as [string, string, string];
    if (status === 'QUEUE_NOT_OPEN' || status === 'QUEUE_CLOSED') return { ok: false, reason: status };
    return {
      ok: true,
      place: place === '' ? null : Number(place),
      joinedAt: Number(joinedAt),
      again: status === 'AGAIN',
    };
  }

  async position(eventId: string, userId: string): Promise<LinePosition> {
    const keys = lineKeys(this.prefix, eventId);
    const [phase, member, lastPlace, admittedUpTo, prequeued] = (await scripts.position.run(
      this.redis,
      [keys.line, keys.members, keys.prequeue],
      [userId],
    )) as [string, string, string, string, number];
    const place = member === '' ? '' : member.slice(0, member.indexOf('|'));
    return {
      phase: phase as QueuePhase,
      joined: member !== '',
      place: place === '' ? null : Number(place),
      admittedUpTo: Number(admittedUpTo),
      lastPlace: Number(lastPlace),
      prequeued: phase === 'prequeue' ? prequeued : 0,
    };
  }

  async endPreQueue(eventId: string): Promise<string[]> {
    const keys = lineKeys(this.prefix, eventId);
    return (await scripts.endPreQueue.run(this.redis, [keys.line, keys.prequeue], [])) as string[];
  }

  async numberPreQueue(eventId: string, order: readonly string[]): Promise<void> {
    const { members } = lineKeys(this.prefix, eventId);
    for (let from = 0; from < order.length; from += chunk) {
      const args = order.slice(from, from + chunk).flatMap((userId, index) => [userId, from + index + 1]);
      await scripts.numberPreQueue.run(this.redis, [members], args);
    }
  }

  async unrecorded(eventId: string, limit: number): Promise<RecordedJoin[]> {
    const { unrecorded } = lineKeys(this.prefix, eventId);
    const rows = await this.redis.lrange(unrecorded, 0, limit - 1);
    return rows.map((row) => {
      const [userId, seq, at] = row.split('|') as [string, string, string];
      return { userId, seq: seq === '' ? null : Number(seq), joinedAt: new Date(Number(at)).toISOString() };
    });
  }

  async markRecorded(eventId: string, count: number): Promise<void> {
    if (count > 0) await this.redis.ltrim(lineKeys(this.prefix, eventId).unrecorded, count, -1);
  }

  async markAdmitted(eventId: string, upTo: number): Promise<void> {
    await scripts.lineState.run(this.redis, [lineKeys(this.prefix, eventId).line], ['admitted', upTo]);
  }

  async closeLine(eventId: string): Promise<void> {
    await scripts.lineState.run(this.redis, [lineKeys(this.prefix, eventId).line], ['close', 0]);
  }

  async reopenLine(eventId: string): Promise<void> {
    await scripts.lineState.run(this.redis, [lineKeys(this.prefix, eventId).line], ['reopen', 0]);
  }

  /** Not one atomic step: the admission worker restores while it holds the event's lock. */
  async restore(eventId: string, state: QueueState): Promise<void> {
    const keys = lineKeys(this.prefix, eventId);
    await this.redis.del(keys.line, keys.members, keys.prequeue, keys.unrecorded);
    const members = [...state.places].map(([userId, place]) => [userId, `${place}|0`]);
    if (state.seed === null) for (const userId of state.prequeue) members.push([userId, '|0']);
    for (let from = 0; from < members.length; from += chunk) {
      await this.redis.hset(keys.members, Object.fromEntries(members.slice(from, from + chunk)));
    }
    for (let from = 0; from < state.prequeue.length; from += chunk) {
      await this.redis.rpush(keys.prequeue, ...state.prequeue.slice(from, from + chunk));
    }
    await this.redis.hset(keys.line, {
      phase: state.phase,
      closedFrom: state.closedFrom ?? '',
      lastPlace: state.nextSeq - 1,
      admittedUpTo: state.admittedUpTo,
    });
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
