import type { RedisTarget } from '../../config';
import type { Metrics } from '../../ports/metrics';
import type { RedisClient } from '../../redis';
import { checkCount, checkHold, idempotencyTtlMs } from '../../../command-side/inventory';
import type {
  AdjustResult,
  ConfirmResult,
  ExpiredHold,
  GrantedPass,
  PassRecord,
  RoomOccupancy,
  Hold,
  HoldRequest,
  HoldResult,
  InventoryActor,
  RebuildRequest,
  RebuildResult,
  ZoneSnapshot,
} from '../../ports/inventory-actor';
import { createInventoryRedis, toInventoryError } from './connection';
import { eventsKey, inventoryKeys } from './keys';
import { scripts, type LuaScript } from './lua-script';
import { rebuildArgs, toExpired, toHoldResult, toSnapshot, zoneFields, type HoldReply } from './replies';

type ZoneRef = { eventId: string; zoneId: string };
type Rejection<T> = T extends { ok: false; reason: infer R } ? R : never;

/** The inventory actor on Redis: one Lua call per operation, keys hash-tagged per event. */
export class RedisInventoryActor implements InventoryActor {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'br:',
    /** Where each script call's duration is recorded. */
    private readonly metrics?: Pick<Metrics, 'dbOperation'>,
  ) {}

  /**
   * Connects (to a server `url` or a cluster's `clusterNodes`) before returning, so the first hold does
   * not meet a connection still opening.
   */
  static async open(
    options: RedisTarget & {
      keyPrefix?: string;
      timeoutMs?: number;
      metrics?: Pick<Metrics, 'dbOperation'>;
    },
  ) {
    const redis = createInventoryRedis(options, options.timeoutMs);
    await redis.connect().catch((error: unknown) => {
      redis.disconnect();
      throw toInventoryError(error);
    });
    return new RedisInventoryActor(redis, options.keyPrefix, options.metrics);
  }

  /** Every call goes through here: an outage becomes SERVICE_UNAVAILABLE, never a hang. */
  async #call<T>(command: (redis: RedisClient) => Promise<T>): Promise<T> {
    try {
      return await command(this.redis);
    } catch (error) {
      throw toInventoryError(error);
    }
  }

  #run(script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
    return this.#call((redis) => script.run(redis, keys, args, this.metrics));
  }

  /** Key builders per event, made once: every hold needs them, and events are few. */
  readonly #keysByEvent = new Map<string, ReturnType<typeof inventoryKeys>>();

  #keys(eventId: string) {
    let keys = this.#keysByEvent.get(eventId);
    if (!keys) {
      if (this.#keysByEvent.size >= 10_000) this.#keysByEvent.clear();
      keys = inventoryKeys(this.prefix, eventId);
      this.#keysByEvent.set(eventId, keys);
    }
    return keys;
  }

  async provisionZone({ eventId, zoneId, capacity }: ZoneRef & { capacity: number }) {
    checkCount('capacity', capacity);
    // Registered before the zone exists, so a crash in between leaves only a harmless extra entry.
    await this.#call((redis) => redis.sadd(eventsKey(this.prefix), eventId));
    const created = await this.#run(scripts.provision, [this.#keys(eventId).zone(zoneId)], [capacity]);
    return { created: created === 1 };
  }

  async adjustCapacity({ eventId, zoneId, delta }: ZoneRef & { delta: number }): Promise<AdjustResult> {
    checkCount('delta', Math.abs(delta));
    const reply = await this.#run(scripts.adjust, [this.#keys(eventId).zone(zoneId)], [delta]);
    const [status, capacity, available] = reply as [string, number, number];
    if (status === 'OK') return { ok: true, capacity, available };
    return { ok: false, reason: status as Rejection<AdjustResult> };
  }

  async hold(input: HoldRequest): Promise<HoldResult> {
    checkHold(input);
    const { bookingId, eventId, zoneId, userId, quantity, unitPrice, currency } = input;
    const expiresAt = input.now + input.ttlMs;
    const hold: Hold = { bookingId, eventId, zoneId, userId, quantity, unitPrice, currency, expiresAt };
    const keys = this.#keys(eventId);
    const reply = await this.#run(
      scripts.hold,
      [
        keys.zone(zoneId),
        keys.user(userId),
        keys.hold(bookingId),
        keys.outcome(input.idempotencyKey),
        keys.expiry,
        keys.bucket(userId),
        keys.room,
        keys.passes,
        keys.inside,
        keys.passesOut,
      ],
      [
        quantity,
        input.maxPerUser,
        expiresAt,
        idempotencyTtlMs(input.ttlMs),
        JSON.stringify(hold),
        bookingId,
        zoneId,
        userId,
        unitPrice,
        currency,
        input.fingerprint ?? '',
        input.now,
        input.bucket?.limit ?? 0,
        input.bucket?.refillPerSecond ?? 1,
        input.pass?.seq ?? '',
      ],
    );
    return toHoldResult(reply as HoldReply, hold, input);
  }

  async release({
    eventId,
    bookingId,
    forgetOutcome,
  }: {
    eventId: string;
    bookingId: string;
    forgetOutcome?: boolean;
  }) {
    const keys = this.#keys(eventId);
    const released = await this.#run(
      scripts.release,
      [keys.hold(bookingId), keys.expiry],
      [keys.base, bookingId, forgetOutcome ? '1' : '0'],
    );
    return { released: released === 1 };
  }

  async confirm(input: { eventId: string; bookingId: string; now: number }): Promise<ConfirmResult> {
    const keys = this.#keys(input.eventId);
    const hold = keys.hold(input.bookingId);
    const status = await this.#run(
      scripts.confirm,
      [hold, keys.expiry],
      [keys.base, input.bookingId, input.now],
    );
    return status === 'OK' ? { ok: true } : { ok: false, reason: status as Rejection<ConfirmResult> };
  }

  async returnConfirmed({ eventId, bookingId }: { eventId: string; bookingId: string }) {
    const keys = this.#keys(eventId);
    const returned = await this.#run(scripts.returnConfirmed, [keys.sold(bookingId)], [keys.base, bookingId]);
    return { returned: returned === 1 };
  }

  async expireDue({ eventId, now, limit }: { eventId?: string; now: number; limit: number }) {
    const eventIds =
      eventId === undefined ? await this.#call((redis) => redis.smembers(eventsKey(this.prefix))) : [eventId];
    const expired: ExpiredHold[] = [];
    for (const id of eventIds) {
      if (expired.length >= limit) break;
      const keys = this.#keys(id);
      const rows = await this.#run(scripts.expire, [keys.expiry], [keys.base, now, limit - expired.length]);
      expired.push(...toExpired(id, rows as string[][]));
    }
    return expired;
  }

  async beginRebuild(input: ZoneRef & { replaceLiveCounter?: boolean }): Promise<RebuildResult> {
    await this.#call((redis) => redis.sadd(eventsKey(this.prefix), input.eventId));
    const zone = this.#keys(input.eventId).zone(input.zoneId);
    const began = await this.#run(scripts.beginRebuild, [zone], [input.replaceLiveCounter ? '1' : '0']);
    return began === 1 ? { ok: true } : { ok: false, reason: 'LIVE_COUNTER' };
  }

  async rebuildZone(input: RebuildRequest): Promise<RebuildResult> {
    const keys = this.#keys(input.eventId);
    const args = rebuildArgs(keys.base, input);
    const began = await this.beginRebuild(input);
    if (!began.ok) return began;
    const zoneKeys = [
      keys.zone(input.zoneId),
      keys.soldIn(input.zoneId),
      keys.expiry,
      keys.legacyBuyers(input.zoneId),
    ];
    const applied = await this.#run(scripts.applyRebuild, zoneKeys, args);
    return applied === 1 ? { ok: true } : { ok: false, reason: 'LIVE_COUNTER' };
  }

  async snapshot({ eventId, zoneId }: ZoneRef): Promise<ZoneSnapshot | undefined> {
    const zone = this.#keys(eventId).zone(zoneId);
    return toSnapshot(await this.#call((redis) => redis.hmget(zone, ...zoneFields)));
  }

  async setWaitingRoom({ eventId, enabled }: { eventId: string; enabled: boolean }): Promise<void> {
    const { room } = this.#keys(eventId);
    await this.#call((redis) => redis.hset(room, 'enabled', enabled ? '1' : '0'));
  }

  /** In chunks, each one atomic: a chunk applied twice changes nothing (see grant-passes.lua). */
  async grantPasses({ eventId, passes }: { eventId: string; passes: readonly GrantedPass[] }) {
    const { passes: key, inside, passesOut } = this.#keys(eventId);
    for (let from = 0; from < passes.length; from += 1_000) {
      const args = passes
        .slice(from, from + 1_000)
        .flatMap((pass) => [pass.userId, pass.seq, pass.expiresAt]);
      await this.#run(scripts.grantPasses, [key, inside, passesOut], args);
    }
  }

  async roomOccupancy({ eventId, now }: { eventId: string; now: number }): Promise<RoomOccupancy> {
    const { inside, passesOut } = this.#keys(eventId);
    const [buyers, unused] = (await this.#run(scripts.roomOccupancy, [inside, passesOut], [now])) as number[];
    return { inside: buyers!, passesOut: unused! };
  }

  async passOf({ eventId, userId }: { eventId: string; userId: string }): Promise<PassRecord | undefined> {
    const granted = await this.#call((redis) => redis.hget(this.#keys(eventId).passes, userId));
    if (!granted) return undefined;
    const [seq, expiresAt, used] = granted.split('|');
    return { userId, seq: Number(seq), expiresAt: Number(expiresAt), used: used === '1' };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
