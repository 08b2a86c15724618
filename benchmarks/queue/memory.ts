import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** VmRSS and VmHWM (peak) of a process from /proc/<pid>/status, in MiB. */
export function processRss(pid: number): { rssMiB: number; peakRssMiB: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string) =>
    mib(1024 * Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1]));
  return { rssMiB: field('VmRSS'), peakRssMiB: field('VmHWM') };
}

/** One reading of the server's memory: the kernel's RSS and V8's view (all MiB). */
export type ServerMemory = {
  /** ms on the harness's clock (performance.now()). */
  readonly at: number;
  readonly rssMiB: number;
  readonly peakRssMiB: number;
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  /** Memory of C++ objects bound to JS, ArrayBuffers included (PGlite's WebAssembly memory is here). */
  readonly externalMiB: number;
  readonly arrayBuffersMiB: number;
  /** How long the full collection before the reading took; null when none was asked for. */
  readonly gcMs: number | null;
};

type Answer = {
  benchQueueMemory: number;
  gcMs: number | null;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
};

/**
 * Asks the server (which loaded `server-memory.ts`) for process.memoryUsage() over its IPC channel, and
 * reads its RSS from /proc at the same moment.
 */
export function serverMemoryReader(child: ChildProcess): (gc: boolean) => Promise<ServerMemory> {
  let next = 0;
  const waiting = new Map<number, (answer: Answer) => void>();
  child.on('message', (message: unknown) => {
    if (typeof message !== 'object' || message === null || !('benchQueueMemory' in message)) return;
    const answer = message as Answer;
    waiting.get(answer.benchQueueMemory)?.(answer);
    waiting.delete(answer.benchQueueMemory);
  });
  return async (gc) => {
    const id = next++;
    const answer = await new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the server did not answer the memory question within 30 s'));
      }, 30_000);
      waiting.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
      child.send({ benchQueueMemory: id, gc });
    });
    const rss = processRss(child.pid!) ?? { rssMiB: NaN, peakRssMiB: NaN };
    return {
      at: performance.now(),
      ...rss,
      heapUsedMiB: mib(answer.heapUsed),
      heapTotalMiB: mib(answer.heapTotal),
      externalMiB: mib(answer.external),
      arrayBuffersMiB: mib(answer.arrayBuffers),
      gcMs: answer.gcMs === null ? null : Math.round(answer.gcMs * 10) / 10,
    };
  };
}

/** Redis's own count of the memory its data takes (INFO memory `used_memory`), in MiB. */
export async function redisUsedMemory(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const info = await redis.info('memory');
    return mib(Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN));
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
