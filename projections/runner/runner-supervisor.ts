import type { Checkpoint } from '../../infra/ports/event-store';
import { ProjectionNotFoundError } from './errors';
import type { ProjectionStatus, SupervisedRunner, SupervisedProjections } from '../../infra/log-follower';

/**
 * The runners of one process: started, stopped, listed and rebuilt by name (admin API, CLI). Names are
 * unique, and so is each stored thing (table, collection) a projection owns.
 */
export class RunnerSupervisor<Runner extends SupervisedRunner> implements SupervisedProjections {
  private readonly runners = new Map<string, Runner>();

  constructor(
    runners: readonly Runner[],
    owns: { readonly kind: string; of(runner: Runner): readonly string[] },
  ) {
    const owners = new Map<string, string>();
    for (const runner of runners) {
      if (this.runners.has(runner.name)) throw new TypeError(`Two projections are named ${runner.name}`);
      this.runners.set(runner.name, runner);
      for (const owned of owns.of(runner)) {
        const owner = owners.get(owned);
        if (owner)
          throw new TypeError(`Projections ${owner} and ${runner.name} both own ${owns.kind} ${owned}`);
        owners.set(owned, runner.name);
      }
    }
  }

  get names(): string[] {
    return [...this.runners.keys()];
  }

  runner(name: string): Runner {
    const runner = this.runners.get(name);
    if (!runner) throw new ProjectionNotFoundError(name);
    return runner;
  }

  async startAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.start()));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  list(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  /** Rebuilds one projection; resolves once its new generation is live. */
  async rebuild(name: string): Promise<void> {
    await this.runner(name).rebuild();
  }

  async waitForAll(checkpoint: Checkpoint, timeoutMs?: number): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.waitFor(checkpoint, timeoutMs)));
  }
}
