import { startNodeChild } from './child-process';
import { cpuPercent, sampleCpu, type CpuSample, type ProcessGroup } from './cpu';
import type { GeneratorMessage, LoadPlan, LoadResult } from './load-plan';

export type MeasuredLoad = {
  readonly load: LoadResult;
  /** % of one core per process group over the load (see cpu.ts). */
  readonly cpu: Record<string, number>;
  /** Seconds between the two CPU samples (the load as the generator reported it). */
  readonly cpuSeconds: number;
};

/**
 * Runs one load in a fresh load-generator process and samples the CPU of `groups` (plus the generator
 * itself) exactly when the generator says the load started and stopped.
 */
export async function runLoad(
  plan: LoadPlan,
  groups: readonly ProcessGroup[],
  logFile: string,
): Promise<MeasuredLoad> {
  const generator = startNodeChild('benchmarks/load/load-generator.ts', [], {
    env: { PATH: process.env.PATH },
    logFile,
    ipc: true,
  });
  // A tree: wrk runs as the generator's child.
  const all: ProcessGroup[] = [...groups, { name: 'load generator', tree: generator.pid }];
  let start: Promise<CpuSample> | undefined;
  let end: Promise<CpuSample> | undefined;
  try {
    const load = await new Promise<LoadResult>((resolve, reject) => {
      generator.process.on('message', (message: GeneratorMessage) => {
        if (message.type === 'started') start = sampleCpu(all);
        else if (message.type === 'stopped') end = sampleCpu(all);
        else if (message.type === 'result') resolve(message.result);
        else reject(new Error(`load generator failed: ${message.message}`));
      });
      generator.process.once('exit', (code, signal) =>
        reject(new Error(`load generator exited (${code ?? signal}) without a result (log: ${logFile})`)),
      );
      generator.process.send(plan);
    });
    if (!start || !end) throw new Error('load generator never reported start and stop');
    const [first, last] = [await start, await end];
    return { load, cpu: cpuPercent(first, last, all), cpuSeconds: (last.at - first.at) / 1000 };
  } finally {
    await generator.stop(5000);
  }
}
