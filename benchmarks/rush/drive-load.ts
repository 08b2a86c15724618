import { startNodeChild } from '../load/child-process';
import type { GeneratorMessage, LoadPlan, LoadResult } from '../load/load-plan';

export type LoadHooks = {
  /** The generator process exists (its pid, for the CPU table). */
  readonly onSpawned?: (pid: number) => void;
  /** The generator sends its first request now (after minting the buyers' tokens). */
  readonly onStarted?: () => void;
  /** The last answer is in (or the duration is over). */
  readonly onStopped?: () => void;
};

/**
 * Runs one load with `benchmarks/load`'s load generator in a process of its own (autocannon, a
 * distinct buyer and Idempotency-Key per request) and calls the hooks when it reports the start and the
 * end of the load, so the caller can sample CPU and follower lag at exactly those moments.
 */
export async function driveLoad(plan: LoadPlan, logFile: string, hooks: LoadHooks = {}): Promise<LoadResult> {
  const generator = startNodeChild('benchmarks/load/load-generator.ts', [], {
    env: { PATH: process.env.PATH },
    logFile,
    ipc: true,
  });
  hooks.onSpawned?.(generator.pid);
  try {
    const load = await new Promise<LoadResult>((resolve, reject) => {
      generator.process.on('message', (message: GeneratorMessage) => {
        if (message.type === 'started') hooks.onStarted?.();
        else if (message.type === 'stopped') hooks.onStopped?.();
        else if (message.type === 'result') resolve(message.result);
        else reject(new Error(`load generator failed: ${message.message}`));
      });
      generator.process.once('exit', (code, signal) =>
        reject(new Error(`load generator exited (${code ?? signal}) without a result (log: ${logFile})`)),
      );
      generator.process.send(plan);
    });
    return load;
  } finally {
    await generator.stop(5000);
  }
}
