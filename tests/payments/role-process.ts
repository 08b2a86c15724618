// A role of the product (`saga`, `payment`, …) as a child process of the test, on the test's servers:
// started, SIGKILLed mid-flow and started again, the way a crash and a restart would go.
import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor, type BookingApp } from '../booking/harness';
import { freePort } from '../booking-failures/support';

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export class RoleProcess {
  #child: ChildProcess | undefined;
  #port = 0;
  readonly output: string[] = [];

  constructor(
    readonly role: string,
    private readonly env: Record<string, string>,
  ) {}

  /** The role on the same servers, keys and settings as the test's own process (its own port). */
  static beside(app: BookingApp, role: string): RoleProcess {
    const shared = Object.fromEntries(
      Object.entries(app.env).filter(([name]) => name !== 'PORT' && name !== 'HOST'),
    );
    return new RoleProcess(role, { ...shared, LOG_LEVEL: 'warn' });
  }

  /** Where its HTTP server listens (a new port at every start). */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Starts the role and waits until its `/health` answers. */
  async start(): Promise<void> {
    const port = (this.#port = await freePort());
    // node itself, not the tsx wrapper: a SIGKILL then kills the process that does the work.
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/cli/main.ts', this.role], {
      env: { ...process.env, ...this.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    this.#child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exited = false;
    child.once('exit', () => {
      exited = true;
      children.delete(child);
    });
    await waitFor(async () => {
      if (exited) throw new Error(`${this.role} exited at start-up:\n${this.output.join('')}`);
      return fetch(`http://127.0.0.1:${port}/health`).then(
        (reply) => reply.ok,
        () => false,
      );
    }, 60_000);
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is lost mid-way. */
  async kill(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** SIGTERM and wait: the graceful stop. */
  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  }
}
