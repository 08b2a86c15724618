import type { SqlClient } from '../../infra/ports/sql';
import { isExpiryMail } from './wave-analysis';
import type { Arrival } from './smtp-sink';

/** What the wave monitor saw at one moment (t on the probe's clock, ms). */
export type WaveSample = {
  readonly t: number;
  /** `BookingExpired` events in the log so far (every booking: the wave's and the probe's). */
  readonly expired: number;
  /** Expiry mails the SMTP server received so far (every booking). */
  readonly mails: number;
};

/**
 * Counts, every `intervalMs`, the `BookingExpired` events in the log and the expiry mails at the SMTP
 * server: their difference is how many expiry mails are still to go out. The log is read forwards from
 * where the last look ended, in the order and below the horizon followers read it (so an event that
 * commits late is still counted once), only the `booking` category.
 */
export class WaveMonitor {
  readonly samples: WaveSample[] = [];
  private after = { transactionId: '0', position: '0' };
  private expired = 0;
  private mails = 0;
  private arrivalsSeen = 0;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly arrivals: readonly Arrival[],
    private readonly now: () => number,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const started = this.now();
      await this.sample().catch(() => undefined);
      const wait = this.intervalMs - (this.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async sample(): Promise<void> {
    const [row] = await this.sql.query<{ expired: number; last: string | null }>(
      `SELECT count(*) FILTER (WHERE type = 'BookingExpired')::int AS expired,
              (array_agg(transaction_id::text || ':' || position::text
                         ORDER BY transaction_id DESC, position DESC))[1] AS last
         FROM es_events
        WHERE category = 'booking'
          AND (transaction_id, position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
      [this.after.transactionId, this.after.position],
    );
    const t = this.now();
    if (row?.last) {
      const [transactionId, position] = row.last.split(':') as [string, string];
      this.after = { transactionId, position };
      this.expired += row.expired;
    }
    for (; this.arrivalsSeen < this.arrivals.length; this.arrivalsSeen++)
      if (isExpiryMail(this.arrivals[this.arrivalsSeen]!.messageId)) this.mails++;
    this.samples.push({ t, expired: this.expired, mails: this.mails });
  }
}
