import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { LatencySummary } from './latency';
import type { LoadHooks, LoadPlan, LoadResult, PlanBuyer, WrkPacing } from './load-plan';

/** The Lua script wrk runs (buyers, keys, status and code counts, booking ids, exact latencies). */
export const wrkScript = new URL('./wrk/reserve.lua', import.meta.url).pathname;

/** What the script's done() prints after `WRK_RESULT `. Latencies in ms. */
type WrkOutput = {
  durationUs: number;
  requests: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  created: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latency: Partial<LatencySummary> & { p50: number; p90: number; p99: number; p999: number; max: number };
  own: { p50: number; p99: number; max: number };
  correctionUndone: boolean;
  intervalUs: number;
  /** Paced runs only (see reserve.lua): requests sent on the schedule, those sent late, the worst. */
  paced?: WrkPacing;
};

const round = (ms: number) => Math.round(ms * 100) / 100;

/** wrk's threads: as asked (2 by default) unless the connections do not divide among them. */
export function wrkThreadsFor(plan: Pick<LoadPlan, 'connections' | 'wrkThreads'>): number {
  const threads = Math.max(1, Math.min(plan.wrkThreads ?? 2, plan.connections));
  return plan.connections % threads === 0 ? threads : 1;
}

/**
 * The plan with wrk as a child process: a closed loop, or paced by the script at `overallRate` (wrk
 * itself has no fixed-rate mode; see reserve.lua). Each wrk thread takes every n-th buyer from its
 * index and numbers its own Idempotency-Keys, so no two requests share a key and no two threads share
 * a buyer. With `amount`, each thread stops after its share of answers and wrk is interrupted once all
 * have (wrk itself only knows durations).
 */
export async function runWrk(
  plan: LoadPlan,
  buyers: readonly PlanBuyer[],
  hooks: LoadHooks,
): Promise<LoadResult> {
  const threads = wrkThreadsFor(plan);
  const buyersFile = `${plan.idsFile}.buyers`;
  const idsPrefix = `${plan.idsFile}.t`;
  const threadFiles = Array.from({ length: threads }, (_, index) => `${idsPrefix}${index}`);
  await writeFile(buyersFile, buyers.map((buyer) => `${buyer.id} ${buyer.token}\n`).join(''), {
    mode: 0o600,
  });
  // With a fixed amount the duration is only a cap (an answer that never comes ends the run there).
  const rate = plan.overallRate ?? 0;
  const seconds =
    plan.amount === undefined
      ? plan.durationSeconds
      : plan.timeoutSeconds * 2 +
        Math.ceil(plan.amount / 100) +
        (rate > 0 ? Math.ceil(plan.amount / rate) : 0);
  const args = [
    ...['-t', threads, '-c', plan.connections, '-d', `${seconds}s`, '--timeout', `${plan.timeoutSeconds}s`],
    ...['-s', wrkScript, `${plan.url}/api/v1/bookings`, '--', buyersFile, plan.keyPrefix],
    ...[plan.zoneIds.join(','), plan.quantity, idsPrefix, threads, plan.connections, plan.amount ?? 0, rate],
  ].map(String);
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.kill('SIGKILL');
  // Stopped from outside (the harness interrupted): wrk goes too, not on for the rest of its duration.
  const onTerm = () => {
    kill();
    process.exit(143);
  };
  process.once('SIGTERM', onTerm);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const said: string[] = [];
  let ready = 0;
  let done = 0;
  let started: Promise<void> | undefined;
  let interrupt: NodeJS.Timeout | undefined;
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.startsWith('wrk-thread-ready') && ++ready === threads) started = hooks.started();
    else if (line.startsWith('wrk-thread-done') && ++done === threads) {
      // SIGINT ends wrk's sleep: it joins its threads and reports. Repeated in case it came too early.
      child.kill('SIGINT');
      interrupt = setInterval(() => child.kill('SIGINT'), 200);
    } else if (!line.startsWith('wrk-thread-')) {
      said.push(line);
      process.stderr.write(`wrk: ${line}\n`);
    }
  });
  const failed = (what: string) =>
    new Error(`wrk ${what}${said.length > 0 ? `: ${said.slice(-5).join(' | ')}` : ''}`);
  try {
    const exit = await new Promise<number | string>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    });
    clearInterval(interrupt);
    process.stdout.write(stdout);
    if (!started) throw failed(`exited (${exit}) before its threads were ready`);
    await started;
    await hooks.stopped();
    const line = /^WRK_RESULT (.*)$/m.exec(stdout)?.[1];
    if (exit !== 0 || !line) throw failed(`exited (${exit}) without a result`);
    const output = JSON.parse(line) as WrkOutput;
    const ids = await Promise.all(threadFiles.map((file) => readFile(file, 'utf8')));
    await writeFile(plan.idsFile, ids.join(''));
    return toLoadResult(output, threads);
  } finally {
    clearInterval(interrupt);
    process.off('SIGTERM', onTerm);
    if (child.exitCode === null && child.signalCode === null) kill();
    await Promise.all([buyersFile, ...threadFiles].map((file) => rm(file, { force: true })));
  }
}

function toLoadResult(output: WrkOutput, threads: number): LoadResult {
  const seconds = output.durationUs / 1e6;
  const requests = Object.values(output.statuses).reduce((sum, count) => sum + count, 0);
  const { errors, latency } = output;
  return {
    generator: 'wrk',
    seconds,
    requests,
    rps: Math.round(requests / seconds),
    statuses: output.statuses,
    codes: output.codes,
    errors: errors.connect + errors.read + errors.write,
    // wrk counts an answer slower than --timeout here (and in `statuses`); it never gives up on one.
    timeouts: errors.timeout,
    latency: {
      count: latency.count ?? requests - errors.timeout,
      p50: round(latency.p50),
      p90: round(latency.p90),
      p99: round(latency.p99),
      p999: round(latency.p999),
      max: round(latency.max),
    },
    latencyByStatus: {},
    autocannon: {
      p50: round(output.own.p50),
      p99: round(output.own.p99),
      max: round(output.own.max),
      rps: output.requests / seconds,
    },
    created: output.created,
    wrk: {
      correctionUndone: output.correctionUndone,
      intervalUs: output.intervalUs,
      threads,
      ...(output.paced ? { paced: { ...output.paced, maxLateMs: round(output.paced.maxLateMs) } } : {}),
    },
  };
}
