import type { ProjectionStatus } from '../../log-follower';
import type { CommandIo } from '../roles';
import type { CommandContext } from './command-context';
import { CommandFailure, UsageError } from './command-errors';
import { startProgress } from './progress';
import { projectionSupervisors, type RunnerControl } from './projection-supervisors';

export type RebuildOptions = {
  /** False (`--no-wait`): return once the rebuild is recorded; it resumes wherever the projection runs next. */
  readonly wait: boolean;
  readonly forceBar: boolean;
};

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

const pollMs = 200;

/**
 * Rebuilds one projection in this process: takes its lock (one attempt: a running server holds it and
 * the answer is then to rebuild there), builds the next generation with progress and waits for the swap.
 */
export async function rebuildProjection(
  context: CommandContext,
  io: CommandIo,
  name: string,
  options: RebuildOptions,
): Promise<number> {
  const supervisors = await projectionSupervisors(context);
  const supervisor = supervisors.find((candidate) => candidate.names.includes(name));
  if (!supervisor) {
    const names = supervisors.flatMap((candidate) => candidate.names).join(', ');
    throw new UsageError(`Unknown projection "${name}". Projections: ${names}`);
  }
  const runner = supervisor.runner(name);
  await runner.start();
  try {
    const before = await runner.status();
    refuseUnlessActive(name, before);
    const job: Promise<Outcome> = supervisor.rebuild(name).then(
      () => ({ ok: true }),
      (error: unknown) => ({ ok: false, error }),
    );
    if (!options.wait) return await reportStarted(io, runner, job, name, before.generation);
    const progress = startProgress(io, {
      label: `rebuild ${name}`,
      unit: 'events',
      forceBar: options.forceBar,
    });
    let outcome: Outcome | undefined;
    while (!(outcome = await settledWithin(job, pollMs))) {
      const status = await runner.status();
      if (status.rebuild) progress.update(status.rebuild.processed, status.rebuild.total);
      if (status.status === 'failed') {
        progress.finish();
        throw new CommandFailure(
          `rebuild of ${name} failed: ${status.error ?? 'unknown error'} (the rebuild is recorded and resumes wherever ${name} runs next)`,
        );
      }
    }
    if (!outcome.ok) {
      progress.finish();
      throw new CommandFailure(`rebuild of ${name} failed: ${messageOf(outcome.error)}`);
    }
    const after = await runner.status();
    progress.update(after.position, after.position);
    progress.finish();
    io.out(`${name}: rebuilt; generation ${before.generation} → ${after.generation} is live\n`);
    return 0;
  } finally {
    await runner.stop();
  }
}

function refuseUnlessActive(name: string, state: ProjectionStatus): void {
  if (state.status === 'standby')
    throw new CommandFailure(
      `${name} is active in another process (a running server holds its lock), so it cannot be rebuilt here. ` +
        `Rebuild it there with POST /api/v1/admin/projections/${name}/rebuild (as an admin), or stop that process and run this again.`,
    );
  if (state.status === 'failed')
    throw new CommandFailure(`${name} cannot run in this process: ${state.error ?? 'unknown error'}`);
}

/** `--no-wait`: returns once the rebuild is recorded (its state row), leaving the rest to the next runner. */
async function reportStarted(
  io: CommandIo,
  runner: RunnerControl,
  job: Promise<Outcome>,
  name: string,
  generation: number,
): Promise<number> {
  for (;;) {
    const outcome = await settledWithin(job, 50);
    if (outcome && !outcome.ok)
      throw new CommandFailure(`rebuild of ${name} failed: ${messageOf(outcome.error)}`);
    if (outcome) {
      io.out(`${name}: rebuilt; generation ${(await runner.status()).generation} is live\n`);
      return 0;
    }
    const { rebuild } = await runner.status();
    if (rebuild) {
      io.out(
        `${name}: rebuild to generation ${generation + 1} recorded at ${rebuild.processed}/${rebuild.total} events; ` +
          `it resumes wherever ${name} runs next (the server, or \`projection rebuild ${name}\`); \`projection status\` shows it\n`,
      );
      return 0;
    }
  }
}

function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
