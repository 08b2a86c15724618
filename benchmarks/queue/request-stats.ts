import { LatencyLog, type LatencySummary } from '../load/latency';
import type { Answer } from './http-client';

const codePattern = /"code":"([A-Z_]+)"/;

/** What one kind of request (join, status read, hold) did during the storm. */
export type RequestFigures = {
  readonly sent: number;
  /** Answered with any HTTP status. */
  readonly answered: number;
  readonly statuses: Record<string, number>;
  /** Every request that did not succeed, by the error code of its body, `HTTP_<status>`, or the reason no answer came (`TIMEOUT`, `ECONNRESET`, …). */
  readonly errors: Record<string, number>;
  /** Latency of every answer, the wait for a free connection included. */
  readonly latency: LatencySummary;
  readonly latencyByStatus: Record<string, LatencySummary>;
  /** Of that latency, the wait for a free connection (every connection busy). */
  readonly connectionWait: LatencySummary;
  /** Answers per second of the storm (index 0 = its first second). */
  readonly perSecond: readonly number[];
  /** Answers per second from the first send to the last answer, and in the busiest second. */
  readonly throughput: {
    readonly meanPerSecond: number;
    readonly peakSecond: number;
    readonly seconds: number;
  };
};

/** Counts and latencies of one kind of request, kept cheaply while the storm runs. */
export class RequestStats {
  private sentCount = 0;
  private answeredCount = 0;
  private firstSent = Number.NaN;
  private lastAnswered = Number.NaN;
  private readonly statuses: Record<string, number> = {};
  private readonly errors: Record<string, number> = {};
  private readonly latency = new LatencyLog();
  private readonly waits = new LatencyLog();
  private readonly seconds: number[] = [];

  constructor(
    private readonly origin: number,
    /** Statuses that count as success (others are errors, by code). */
    private readonly succeeded: (status: number) => boolean,
  ) {}

  sent(now: number): void {
    if (this.sentCount++ === 0) this.firstSent = now;
  }

  answered(answer: Answer, now: number): void {
    if (answer.status === 0) {
      this.errors[answer.error ?? 'ERROR'] = (this.errors[answer.error ?? 'ERROR'] ?? 0) + 1;
      return;
    }
    this.answeredCount++;
    this.lastAnswered = now;
    this.statuses[answer.status] = (this.statuses[answer.status] ?? 0) + 1;
    this.latency.record(answer.status, answer.ms);
    this.waits.record(answer.status, answer.waitMs);
    const second = Math.floor((now - this.origin) / 1000);
    if (second >= 0) {
      while (this.seconds.length <= second) this.seconds.push(0);
      this.seconds[second]!++;
    }
    if (!this.succeeded(answer.status)) {
      const code = codePattern.exec(answer.body)?.[1] ?? `HTTP_${answer.status}`;
      this.errors[code] = (this.errors[code] ?? 0) + 1;
    }
  }

  figures(): RequestFigures {
    const seconds = (this.lastAnswered - this.firstSent) / 1000;
    return {
      sent: this.sentCount,
      answered: this.answeredCount,
      statuses: { ...this.statuses },
      errors: { ...this.errors },
      latency: this.latency.summary(),
      latencyByStatus: Object.fromEntries(
        this.latency.statusCodes().map((status) => [status, this.latency.summary(status)]),
      ),
      connectionWait: this.waits.summary(),
      perSecond: [...this.seconds],
      throughput: {
        meanPerSecond: seconds > 0 ? Math.round(this.answeredCount / seconds) : Number.NaN,
        peakSecond: Math.max(0, ...this.seconds),
        seconds: Math.round(seconds * 10) / 10,
      },
    };
  }
}
