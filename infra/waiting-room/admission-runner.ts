import type { AdmissionWorker, RoomOfEvent } from '../../command-side/waiting-room';
import { LockKeeper } from '../log-follower';
import type { Logger } from '../logging';
import type { Metrics } from '../ports/metrics';
import type { SqlClient, SqlLock } from '../ports/sql';

export type AdmissionRunnerOptions = {
  /** Time between two steps of every room (ms). */
  readonly tickMs: number;
  /** How often a standby instance tries for the lock (ms). */
  readonly lockRetryMs: number;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  /** Where the queue lengths are read from while this instance admits. */
  readonly metrics?: Pick<Metrics, 'sample'>;
};

/** The one lock: however many API processes run, one admits. */
export const admissionLockName = 'waiting-room:admission';

/**
 * Runs the admission worker in the one process holding the lock (the projectors' lock pattern): a step
 * of every room each tick. A room whose step fails is read again from its stream next time; when the
 * lock's session is gone (its connection dropped), a second worker's append meets the stream's
 * revision and fails rather than admitting anyone twice.
 */
export class AdmissionRunner {
  readonly #keeper: LockKeeper;
  #lock: SqlLock | undefined;
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> = Promise.resolve();
  #running = false;
  #stopSampling: Array<() => void> = [];

  constructor(
    sql: SqlClient,
    private readonly worker: AdmissionWorker,
    private readonly rooms: () => Iterable<RoomOfEvent>,
    private readonly options: AdmissionRunnerOptions,
  ) {
    this.#keeper = new LockKeeper(
      sql,
      admissionLockName,
      options.lockRetryMs,
      async (lock) => {
        this.#lock = lock;
        this.#running = true;
        options.logger.info('admitting from the waiting rooms (this instance holds the lock)');
        this.#schedule(0);
      },
      () => {},
    );
  }

  /** True while this instance is the one admitting. */
  get active(): boolean {
    return this.#running;
  }

  start(): Promise<void> {
    const metrics = this.options.metrics;
    if (metrics && this.#stopSampling.length === 0) {
      // Read only on the instance that admits: the others' views of the rooms are not kept up to date.
      this.#stopSampling = [
        metrics.sample('waitingRoomQueueLength', async () =>
          this.#running
            ? this.worker
                .queueLengths()
                .map(({ eventId, waiting }) => ({ labels: { event_id: eventId }, value: waiting }))
            : [],
        ),
        metrics.sample('waitingRoomInside', async () =>
          this.#running
            ? (await this.worker.inside(Date.now())).map(({ eventId, inside }) => ({
                labels: { event_id: eventId },
                value: inside,
              }))
            : [],
        ),
      ];
    }
    return this.#keeper.start();
  }

  /** One step of every room now (tests; the timer does this every tick). */
  async stepAll(): Promise<void> {
    for (const room of this.rooms()) {
      try {
        await this.worker.stepEvent(room);
      } catch (error) {
        this.worker.forget(room.eventId);
        this.options.logger.warn('waiting room step failed; its stream is read again next time', {
          eventId: room.eventId,
          error,
        });
      }
    }
  }

  async stop(): Promise<void> {
    for (const stop of this.#stopSampling) stop();
    this.#stopSampling = [];
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#keeper.stop();
    await this.#tick;
    const lock = this.#lock;
    this.#lock = undefined;
    await lock?.release().catch(() => {});
    this.worker.reset();
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#tick = this.stepAll().finally(() => {
        if (this.#running) this.#schedule(this.options.tickMs);
      });
    }, delayMs);
  }
}
