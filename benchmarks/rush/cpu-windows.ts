import { cpuPercent, sampleCpu, type CpuSample, type ProcessGroup } from '../load/cpu';

/** % of one core per row over each named window, and the window's length. */
export type CpuTable = Record<string, { readonly seconds: number; readonly percent: Record<string, number> }>;

type Window = { groups: ProcessGroup[]; start?: Promise<CpuSample>; end?: Promise<CpuSample> };

/**
 * CPU per process over several named windows whose edges come from callbacks (a load's start and
 * stop): each edge samples /proc right then, the figures are worked out at the end.
 */
export class CpuWindows {
  private readonly windows = new Map<string, Window>();

  /** The rows a window measures (set before it opens). */
  use(name: string, groups: ProcessGroup[]): void {
    this.window(name).groups = groups;
  }

  groups(name: string): ProcessGroup[] {
    return this.windows.get(name)?.groups ?? [];
  }

  open(name: string): void {
    const window = this.window(name);
    window.start = sampleCpu(window.groups);
  }

  close(name: string): void {
    const window = this.window(name);
    window.end = sampleCpu(window.groups);
  }

  /** Closes `name` now, as a window opened when `from` was. */
  async closeFrom(name: string, from: string): Promise<void> {
    const window = this.window(name);
    const start = this.windows.get(from)?.start;
    if (start) window.start = start;
    window.end = sampleCpu(window.groups);
    await window.end;
  }

  /** Every window that was opened and closed. */
  async table(): Promise<CpuTable> {
    const table: CpuTable = {};
    for (const [name, window] of this.windows) {
      if (!window.start || !window.end) continue;
      const [start, end] = [await window.start, await window.end];
      table[name] = {
        seconds: Math.round(end.at - start.at) / 1000,
        percent: cpuPercent(start, end, window.groups),
      };
    }
    return table;
  }

  private window(name: string): Window {
    let window = this.windows.get(name);
    if (!window) this.windows.set(name, (window = { groups: [] }));
    return window;
  }
}
