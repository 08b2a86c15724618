import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { OutgoingHttpHeaders } from 'node:http';
import { LatencyLog, type LatencySummary } from '../load/latency';
import { KeepAliveClient, type Answer } from './http-client';
import { RequestStats, type RequestFigures } from './request-stats';
import { Schedule } from './schedule';

export type StormPlan = {
  readonly url: string;
  readonly eventId: string;
  readonly zoneId: string;
  /** `Bearer <token>` of each buyer, by index. */
  readonly authorizations: readonly string[];
  /** Names the storm's Idempotency-Keys. */
  readonly tag: string;
  readonly joinSeconds: number;
  readonly statusEverySeconds: number;
  readonly durationSeconds: number;
  readonly holdShare: number;
  readonly connections: number;
  readonly timeoutSeconds: number;
  readonly ownAddresses: boolean;
};

/** The queue status of docs/api.md, the fields the buyers act on. */
type QueueStatus = {
  state?: string;
  place?: number | null;
  waitSeconds?: number | null;
  pollAfterSeconds?: number;
  pass?: { token?: string } | null;
};

const enum Step {
  Join = 0,
  Read = 1,
  Done = 2,
}

/** What the buyers did, measured on the load generator's side. */
export type StormResult = {
  /** performance.now() when the first join was due. */
  readonly origin: number;
  /** The same moment on the wall clock (epoch ms), to place the server's timestamps. */
  readonly originEpochMs: number;
  readonly joins: RequestFigures;
  readonly status: RequestFigures;
  readonly holds: RequestFigures;
  /** Buyers by the state of their last queue answer (`none`: no answer yet). */
  readonly finalStates: Record<string, number>;
  /** ms after `origin` when each buyer first saw itself admitted. */
  readonly admittedSeenAt: readonly number[];
  /** Joins sent again after an error (429, 5xx, no answer, QUEUE_NOT_OPEN). */
  readonly joinRetries: number;
  /** Buyers with a place in line (a successful join). */
  readonly joined: number;
  /** ms after `origin` when the last buyer's join succeeded or was given up. */
  readonly joinsSettledAt: number | null;
  /** `pollAfterSeconds` the server advised, answers per value. */
  readonly pollAfterSeconds: Record<string, number>;
  /**
   * The wait the status promised against the wait the buyer had: for each admitted buyer, the first
   * `waitSeconds` it was told with a place in line, and the seconds from then until it saw its pass
   * (the latter to the read interval).
   */
  readonly waitEstimates: { readonly promisedSeconds: number; readonly actualSeconds: number }[];
  /** The load generator's own delays: how late actions started after their time, and its event loop. */
  readonly generator: { readonly scheduleLag: LatencySummary; readonly eventLoopDelay: LatencySummary };
  /** Requests without an answer when the storm ended (after waiting up to the timeout). */
  readonly unanswered: number;
};

const retryableJoin = (answer: Answer) =>
  answer.status === 0 ||
  answer.status === 429 ||
  answer.status >= 500 ||
  (answer.status === 409 && answer.body.includes('QUEUE_NOT_OPEN'));

const finalStates = new Set(['used', 'expired', 'sold-out']);

/**
 * The join storm, run in this process: buyer i joins at `origin + i × joinSeconds / buyers` (open
 * loop, every join on its time whatever the answers), then reads its status `statusEverySeconds`
 * after each answer, with the last ETag in `If-None-Match`, until it sees its pass; a share of the
 * admitted make a hold with it at once. Nothing new is sent after `durationSeconds`.
 */
export class Storm {
  private readonly client: KeepAliveClient;
  private readonly schedule: Schedule;
  private readonly buyers: number;
  private readonly step: Uint8Array;
  private readonly etags: (string | undefined)[];
  private readonly lastState: Uint8Array;
  private readonly stateNames: string[] = ['none'];
  private readonly admittedAt: Float64Array;
  private readonly promisedWait: Float64Array;
  private readonly promisedAt: Float64Array;
  private readonly pollAfter: Record<string, number> = {};
  private readonly scheduleLag = new LatencyLog();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });
  private origin = 0;
  private originEpochMs = 0;
  private endsAt = 0;
  private inFlight = 0;
  private joinRetries = 0;
  private joined = 0;
  private joinsOpen: number;
  private joinsSettledAt: number | null = null;
  private admitted = 0;
  private ended = false;
  private onJoinsSettled: (() => void) | undefined;
  private stats!: { joins: RequestStats; status: RequestStats; holds: RequestStats };
  private readonly paths: { queue: string; bookings: string };

  constructor(private readonly plan: StormPlan) {
    this.buyers = plan.authorizations.length;
    this.client = new KeepAliveClient(plan.url, plan.connections, plan.timeoutSeconds * 1000);
    this.schedule = new Schedule((index, lateMs) => this.act(index, lateMs));
    this.step = new Uint8Array(this.buyers);
    this.etags = new Array<string | undefined>(this.buyers);
    this.lastState = new Uint8Array(this.buyers);
    this.admittedAt = new Float64Array(this.buyers).fill(Number.NaN);
    this.promisedWait = new Float64Array(this.buyers).fill(Number.NaN);
    this.promisedAt = new Float64Array(this.buyers).fill(Number.NaN);
    this.joinsOpen = this.buyers;
    this.paths = { queue: `/api/v1/events/${plan.eventId}/queue`, bookings: '/api/v1/bookings' };
  }

  /** performance.now() of the first join (valid once `run` started). */
  get startedAt(): number {
    return this.origin;
  }

  /** Buyers waiting (joined, not yet admitted), requests in flight: for the harness's samples. */
  progress(): { joined: number; admitted: number; inFlight: number } {
    return { joined: this.joined, admitted: this.admitted, inFlight: this.inFlight };
  }

  /** Resolves once every buyer's join succeeded or was given up (or the storm ended). */
  joinsSettled(): Promise<void> {
    if (this.joinsOpen === 0 || this.joinsSettledAt !== null || this.ended) return Promise.resolve();
    return new Promise((resolve) => (this.onJoinsSettled = resolve));
  }

  async run(): Promise<StormResult> {
    const { plan } = this;
    this.origin = performance.now();
    this.originEpochMs = Date.now();
    this.endsAt = this.origin + plan.durationSeconds * 1000;
    const ok = (status: number) => status >= 200 && status < 300;
    this.stats = {
      joins: new RequestStats(this.origin, ok),
      status: new RequestStats(this.origin, (status) => ok(status) || status === 304),
      holds: new RequestStats(this.origin, ok),
    };
    const spacing = (plan.joinSeconds * 1000) / this.buyers;
    for (let index = 0; index < this.buyers; index++) this.schedule.at(this.origin + index * spacing, index);
    this.loopDelay.enable();
    // From the origin: scheduling 100,000 joins takes a while, and the first are due already.
    this.schedule.start(this.origin);
    await new Promise((resolve) => setTimeout(resolve, plan.durationSeconds * 1000));
    this.schedule.stop();
    const drainDeadline = performance.now() + plan.timeoutSeconds * 1000 + 1000;
    while (this.inFlight > 0 && performance.now() < drainDeadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    this.loopDelay.disable();
    this.settleJoins(true);
    const unanswered = this.inFlight;
    this.client.close();
    return this.result(unanswered);
  }

  private result(unanswered: number): StormResult {
    const states: Record<string, number> = {};
    for (let index = 0; index < this.buyers; index++) {
      const name = this.stateNames[this.lastState[index]!]!;
      states[name] = (states[name] ?? 0) + 1;
    }
    const admittedSeenAt: number[] = [];
    const waitEstimates: StormResult['waitEstimates'] = [];
    for (let index = 0; index < this.buyers; index++) {
      const at = this.admittedAt[index]!;
      if (Number.isNaN(at)) continue;
      admittedSeenAt.push(Math.round(at - this.origin));
      if (!Number.isNaN(this.promisedWait[index]!))
        waitEstimates.push({
          promisedSeconds: this.promisedWait[index]!,
          actualSeconds: Math.round((at - this.promisedAt[index]!) / 100) / 10,
        });
    }
    const delay = this.loopDelay;
    const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
    return {
      origin: this.origin,
      originEpochMs: this.originEpochMs,
      joins: this.stats.joins.figures(),
      status: this.stats.status.figures(),
      holds: this.stats.holds.figures(),
      finalStates: states,
      admittedSeenAt: admittedSeenAt.sort((a, b) => a - b),
      joinRetries: this.joinRetries,
      joined: this.joined,
      joinsSettledAt: this.joinsSettledAt === null ? null : Math.round(this.joinsSettledAt - this.origin),
      pollAfterSeconds: { ...this.pollAfter },
      waitEstimates,
      generator: {
        scheduleLag: this.scheduleLag.summary(),
        eventLoopDelay: {
          count: delay.count,
          p50: ms(delay.percentile(50)),
          p90: ms(delay.percentile(90)),
          p99: ms(delay.percentile(99)),
          p999: ms(delay.percentile(99.9)),
          max: ms(delay.max),
        },
      },
      unanswered,
    };
  }

  private act(index: number, lateMs: number): void {
    if (performance.now() >= this.endsAt) return;
    this.scheduleLag.record(0, lateMs);
    if (this.step[index] === Step.Join) this.join(index);
    else if (this.step[index] === Step.Read) this.read(index);
  }

  private headers(index: number): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = { authorization: this.plan.authorizations[index] };
    if (this.plan.ownAddresses)
      headers['x-forwarded-for'] = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
    return headers;
  }

  private join(index: number): void {
    const headers = this.headers(index);
    headers['content-length'] = 0;
    this.send(this.stats.joins, 'POST', this.paths.queue, headers, undefined, (answer, now) => {
      if (answer.status === 200 || answer.status === 201) {
        // The join answers the status with its ETag: the first read already revalidates.
        this.etags[index] = answer.etag;
        this.joined++;
        this.step[index] = Step.Read;
        this.settleJoin();
        this.onStatus(index, answer.body, now);
      } else if (retryableJoin(answer)) {
        this.joinRetries++;
        this.schedule.at(now + this.plan.statusEverySeconds * 1000, index);
      } else {
        this.step[index] = Step.Done;
        this.settleJoin();
      }
    });
  }

  private read(index: number): void {
    const headers = this.headers(index);
    const etag = this.etags[index];
    if (etag) headers['if-none-match'] = etag;
    this.send(this.stats.status, 'GET', this.paths.queue, headers, undefined, (answer, now) => {
      if (answer.status === 200) {
        this.etags[index] = answer.etag;
        this.onStatus(index, answer.body, now);
      } else {
        // 304 (nothing changed), or an error: a waiting page reads again after the interval.
        this.schedule.at(now + this.plan.statusEverySeconds * 1000, index);
      }
    });
  }

  private onStatus(index: number, body: string, now: number): void {
    let status: QueueStatus;
    try {
      status = (JSON.parse(body) as { data?: QueueStatus }).data ?? {};
    } catch {
      status = {};
    }
    const state = status.state ?? 'unreadable';
    let code = this.stateNames.indexOf(state);
    if (code < 0) code = this.stateNames.push(state) - 1;
    this.lastState[index] = code;
    if (status.pollAfterSeconds !== undefined)
      this.pollAfter[status.pollAfterSeconds] = (this.pollAfter[status.pollAfterSeconds] ?? 0) + 1;
    if (
      state === 'waiting' &&
      typeof status.place === 'number' &&
      typeof status.waitSeconds === 'number' &&
      Number.isNaN(this.promisedWait[index]!)
    ) {
      this.promisedWait[index] = status.waitSeconds;
      this.promisedAt[index] = now;
    }
    if (state === 'admitted') {
      if (Number.isNaN(this.admittedAt[index]!)) {
        this.admittedAt[index] = now;
        this.admitted++;
      }
      this.step[index] = Step.Done;
      const pass = status.pass?.token;
      // Every buyer whose index falls in the share, spread evenly over the line.
      const holds = Math.floor((index + 1) * this.plan.holdShare) > Math.floor(index * this.plan.holdShare);
      if (pass && holds && now < this.endsAt) this.hold(index, pass);
      return;
    }
    if (finalStates.has(state)) {
      this.step[index] = Step.Done;
      return;
    }
    this.schedule.at(now + this.plan.statusEverySeconds * 1000, index);
  }

  private hold(index: number, pass: string): void {
    const headers = this.headers(index);
    const body = JSON.stringify({ zoneId: this.plan.zoneId, quantity: 1 });
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
    headers['idempotency-key'] = `${this.plan.tag}-queue-hold-${index}`;
    headers['queue-pass'] = pass;
    this.send(this.stats.holds, 'POST', this.paths.bookings, headers, body, () => undefined);
  }

  private send(
    stats: RequestStats,
    method: string,
    path: string,
    headers: OutgoingHttpHeaders,
    body: string | undefined,
    then: (answer: Answer, now: number) => void,
  ): void {
    this.inFlight++;
    stats.sent(performance.now());
    this.client.send(method, path, headers, body, (answer) => {
      this.inFlight--;
      const now = performance.now();
      stats.answered(answer, now);
      then(answer, now);
    });
  }

  private settleJoin(): void {
    if (--this.joinsOpen === 0) this.settleJoins(false);
  }

  private settleJoins(ended: boolean): void {
    this.ended ||= ended;
    if (this.joinsSettledAt !== null) return;
    if (!ended) this.joinsSettledAt = performance.now();
    this.onJoinsSettled?.();
  }
}
