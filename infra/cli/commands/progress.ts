import { SingleBar } from 'cli-progress';
import type { CommandIo } from '../roles';

/** Progress of long work: done out of total units, with a rate and an ETA. */
export interface Progress {
  update(done: number, total: number): void;
  /** Shows the final count and ends the display. */
  finish(): void;
}

export type ProgressOptions = {
  /** What is being done, e.g. `rebuild bookings`. */
  readonly label: string;
  /** What is counted, e.g. `events`. */
  readonly unit: string;
  /** `--progress`: draw the bar even when stdout is not a terminal. */
  readonly forceBar?: boolean;
  /** Plain lines at most this often (ms); the first and the last always print. */
  readonly lineEveryMs?: number;
};

/**
 * A cli-progress bar (on stderr) when stdout is a terminal or `--progress` asks for one; otherwise plain
 * lines on the command's output, so logs and captured output stay readable.
 */
export function startProgress(io: CommandIo, options: ProgressOptions): Progress {
  return options.forceBar || process.stdout.isTTY === true
    ? new BarProgress(options)
    : new LineProgress(io, options);
}

class Rate {
  private readonly startedAt = Date.now();
  private first: number | undefined;

  /** Units per second since the first sample, and seconds left at that rate (undefined: unknown yet). */
  measure(done: number, total: number): { perSecond: number; etaSeconds: number | undefined } {
    this.first ??= done;
    const seconds = (Date.now() - this.startedAt) / 1000;
    const perSecond = seconds > 0 ? (done - this.first) / seconds : 0;
    return { perSecond, etaSeconds: perSecond > 0 ? Math.max(0, (total - done) / perSecond) : undefined };
  }
}

class LineProgress implements Progress {
  private readonly rate = new Rate();
  private lastLineAt: number | undefined;
  private last: { done: number; total: number } | undefined;
  private printed = '';

  constructor(
    private readonly io: CommandIo,
    private readonly options: ProgressOptions,
  ) {}

  update(done: number, total: number): void {
    this.last = { done, total };
    const now = Date.now();
    if (this.lastLineAt !== undefined && now - this.lastLineAt < (this.options.lineEveryMs ?? 1000)) return;
    this.lastLineAt = now;
    this.print(done, total);
  }

  finish(): void {
    if (this.last && this.printed !== `${this.last.done}/${this.last.total}`)
      this.print(this.last.done, this.last.total);
  }

  private print(done: number, total: number): void {
    this.printed = `${done}/${total}`;
    const { perSecond, etaSeconds } = this.rate.measure(done, total);
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    const eta = etaSeconds === undefined ? '' : `, ETA ${Math.ceil(etaSeconds)} s`;
    this.io.out(
      `${this.options.label}: ${done}/${total} ${this.options.unit} (${percent}%), ${Math.round(perSecond)} ${this.options.unit}/s${eta}\n`,
    );
  }
}

class BarProgress implements Progress {
  private readonly rate = new Rate();
  private readonly bar: SingleBar;
  private started = false;

  constructor(options: ProgressOptions) {
    this.bar = new SingleBar({
      format: `${options.label} [{bar}] {percentage}% | {value}/{total} ${options.unit} | {speed} ${options.unit}/s | ETA {eta_formatted}`,
      noTTYOutput: true,
      hideCursor: true,
    });
  }

  update(done: number, total: number): void {
    const speed = Math.round(this.rate.measure(done, total).perSecond);
    if (!this.started) {
      this.started = true;
      this.bar.start(total, done, { speed });
    } else {
      this.bar.setTotal(total);
      this.bar.update(done, { speed });
    }
  }

  finish(): void {
    if (this.started) this.bar.stop();
  }
}
