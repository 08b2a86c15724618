import type { Logger } from '../../logging';
import { errorText, type DeliveredMessage, type RetryPolicy } from '../../ports/integration-bus';
import type { SqlClient, SqlLock } from '../../ports/sql';
import { PartitionWorker, type WorkerDeps } from './partition-worker';
import type { PartitionRef } from './sql-messages';

export type GroupMember = {
  readonly topics: readonly string[];
  readonly handler: (message: DeliveredMessage) => Promise<void>;
  readonly retry: RetryPolicy;
  readonly fromBeginning: boolean;
};

export type ConsumerGroupDeps = Omit<WorkerDeps, 'groupId' | 'handler' | 'retry' | 'fromBeginning'> & {
  readonly sql: SqlClient;
  readonly standbyRetryMs: number;
  readonly partitionsOf: (topics: Iterable<string>) => Promise<Map<string, number>>;
  readonly logger?: Logger;
};

const refId = (ref: PartitionRef) => `${ref.topic}\u0000${ref.partition}`;

/**
 * The subscribers of one group in this process. Partitions are dealt round-robin among the members
 * that subscribe to their topic; a partition changes hands only after its old worker stopped. Across
 * processes sharing the database, a named lock lets one process consume the group; the others stand by.
 */
export class ConsumerGroup {
  private readonly members: GroupMember[] = [];
  private readonly workers = new Map<string, { member: GroupMember; worker: PartitionWorker }>();
  private lock: SqlLock | null = null;
  private standbyTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly groupId: string,
    private readonly deps: ConsumerGroupDeps,
  ) {}

  get isEmpty(): boolean {
    return this.members.length === 0;
  }

  async join(member: GroupMember): Promise<void> {
    await this.deps.partitionsOf(member.topics);
    this.members.push(member);
    try {
      await this.rebalance();
    } catch (error) {
      await this.leave(member).catch(() => {});
      throw error;
    }
  }

  async leave(member: GroupMember): Promise<void> {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    await this.rebalance();
  }

  /** Rebalances one at a time, in call order. */
  private rebalance(): Promise<void> {
    const run = this.queue.then(() => this.rebalanceNow());
    this.queue = run.catch(() => {});
    return run;
  }

  private async rebalanceNow(): Promise<void> {
    clearTimeout(this.standbyTimer);
    const active = this.members.length > 0 && (await this.holdLock());
    const wanted = active ? await this.assignment() : new Map<string, GroupMember>();
    const leaving = [...this.workers].filter(([id, { member }]) => wanted.get(id) !== member);
    await Promise.all(leaving.map(([, { worker }]) => worker.stop()));
    for (const [id] of leaving) this.workers.delete(id);
    for (const [id, member] of wanted) {
      if (this.workers.has(id)) continue;
      const [topic, partition] = id.split('\u0000') as [string, string];
      const ref = { topic, partition: Number(partition) };
      const worker = new PartitionWorker({ ...this.deps, groupId: this.groupId, ...member }, ref);
      this.workers.set(id, { member, worker });
    }
    if (this.members.length === 0) await this.releaseLock();
    else if (!active) this.standbyTimer = setTimeout(() => void this.rebalance(), this.deps.standbyRetryMs);
  }

  private async assignment(): Promise<Map<string, GroupMember>> {
    const topics = new Set(this.members.flatMap((member) => member.topics));
    const counts = await this.deps.partitionsOf(topics);
    const wanted = new Map<string, GroupMember>();
    for (const [topic, partitions] of counts) {
      const takers = this.members.filter((member) => member.topics.includes(topic));
      for (let partition = 0; partition < partitions; partition += 1) {
        wanted.set(refId({ topic, partition }), takers[partition % takers.length]!);
      }
    }
    return wanted;
  }

  private async holdLock(): Promise<boolean> {
    if (this.lock) return true;
    try {
      this.lock = await this.deps.sql.tryLock(`integration-bus:${this.groupId}`);
    } catch (error) {
      this.deps.logger?.warn('integration bus group lock unavailable', {
        groupId: this.groupId,
        error: errorText(error),
      });
    }
    return this.lock !== null;
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    await lock?.release();
  }
}
