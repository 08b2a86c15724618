import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time per process from /proc/<pid>/stat (utime + stime), sampled at the start and the end of a
 * load run; the difference over the wall time is reported as % of one core (200% = both cores here).
 */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type Stat = { pid: number; ppid: number; comm: string; own: number; children: number };

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  // Fields after "comm": state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17).
  const fields = text.slice(close + 2).split(' ');
  const ticks = (index: number) => Number(fields[index - 3]);
  return { pid, ppid: ticks(4), comm, own: ticks(14) + ticks(15), children: ticks(16) + ticks(17) };
}

function allStats(): Stat[] {
  const stats: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** What one row of the CPU table measures: named pids, or a process with all its descendants. */
export type ProcessGroup = (
  | { readonly name: string; readonly tree: number }
  | { readonly name: string; readonly pids: () => Promise<number[]> | number[] }
) & {
  /** Part of another row (our backends within the whole PostgreSQL server): not subtracted twice. */
  readonly nested?: boolean;
};

/**
 * CPU ticks of a group. For a tree, every member's reaped children (cutime) count too, so a child that
 * exits during the run (a PostgreSQL backend, wrk under the load generator) is not lost: its time moves
 * into its parent's figure (cpuPercent takes out what it had used before the run).
 */
async function cpuTicks(group: ProcessGroup, stats: Stat[]): Promise<Map<number, number>> {
  const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
  const ticks = new Map<number, number>();
  if ('tree' in group) {
    const root = byPid.get(group.tree);
    if (!root) return ticks;
    ticks.set(root.pid, root.own + root.children);
    const frontier = [root.pid];
    while (frontier.length > 0) {
      const parent = frontier.pop()!;
      for (const stat of stats) {
        if (stat.ppid === parent && !ticks.has(stat.pid)) {
          ticks.set(stat.pid, stat.own + stat.children);
          frontier.push(stat.pid);
        }
      }
    }
    return ticks;
  }
  for (const pid of await group.pids()) {
    const stat = byPid.get(pid) ?? readStat(pid);
    if (stat) ticks.set(pid, stat.own);
  }
  return ticks;
}

export type CpuSample = { readonly at: number; readonly ticks: ReadonlyMap<string, Map<number, number>> };

/** Busy ticks of the whole machine (/proc/stat: everything but idle and iowait), as a pseudo-pid 0. */
function machineTicks(): Map<number, number> {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return new Map([[0, total - fields[3]! - fields[4]!]]);
}

/** Name of the row with every process on the machine (ours and everyone else's). */
export const machineRow = 'machine (all processes)';

export async function sampleCpu(groups: readonly ProcessGroup[]): Promise<CpuSample> {
  const stats = allStats();
  const ticks = new Map<string, Map<number, number>>();
  for (const group of groups) ticks.set(group.name, await cpuTicks(group, stats));
  ticks.set(machineRow, machineTicks());
  return { at: performance.now(), ticks };
}

/** Name of the row with the machine's CPU used by processes in no other row. */
export const restRow = 'rest of the machine';

/**
 * % of one core per group between two samples, plus the machine as a whole and what the groups leave
 * of it (other people's work on a shared machine shows up there). A pid seen only at the end counts from zero (it was
 * born during the run); a pid gone at the end is left out (for trees its time is in its parent's cutime, and
 * its time before the run is subtracted).
 */
export function cpuPercent(
  start: CpuSample,
  end: CpuSample,
  groups: readonly ProcessGroup[],
): Record<string, number> {
  const seconds = (end.at - start.at) / 1000;
  const trees = new Set(groups.filter((group) => 'tree' in group).map((group) => group.name));
  const result: Record<string, number> = {};
  for (const [name, after] of end.ticks) {
    const before = start.ticks.get(name) ?? new Map<number, number>();
    let delta = 0;
    for (const [pid, ticks] of after) delta += ticks - (before.get(pid) ?? 0);
    // A tree member gone by the end was reaped by its parent, whose figure now holds all its time:
    // what it had used before the run is not part of the run.
    if (trees.has(name)) for (const [pid, ticks] of before) if (!after.has(pid)) delta -= ticks;
    result[name] = Math.round((delta / ticksPerSecond / seconds) * 1000) / 10;
  }
  const ours = groups
    .filter((group) => !group.nested)
    .reduce((sum, group) => sum + (result[group.name] ?? 0), 0);
  result[restRow] = Math.max(0, Math.round(((result[machineRow] ?? 0) - ours) * 10) / 10);
  return result;
}
