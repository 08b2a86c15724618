// The part of Grafana's dashboard JSON that the dashboards here use and the picture draws.
import { readFile } from 'node:fs/promises';

export interface GridPos {
  /** Column (0–23) and width in Grafana's 24 columns; row and height in grid rows (30 px). */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Threshold {
  readonly color: string;
  readonly value: number | null;
}

export interface Datasource {
  readonly type?: string;
  readonly uid?: string;
}

export interface PanelTarget {
  readonly refId: string;
  readonly datasource?: Datasource;
  readonly expr: string;
  readonly legendFormat?: string;
}

export interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly description?: string;
  readonly datasource?: Datasource;
  readonly gridPos: GridPos;
  readonly fieldConfig?: {
    readonly defaults?: {
      readonly unit?: string;
      readonly decimals?: number;
      readonly thresholds?: { readonly steps?: readonly Threshold[] };
    };
  };
  readonly targets?: readonly PanelTarget[];
}

export interface Dashboard {
  readonly uid: string;
  readonly title: string;
  readonly description?: string;
  readonly panels: readonly Panel[];
}

/** Panel types the picture draws; any other type fails loudly instead of leaving a hole. */
export const drawnPanelTypes = ['timeseries', 'stat'] as const;

export async function readDashboard(file: string): Promise<Dashboard> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  return asDashboard(parsed, file);
}

export function asDashboard(value: unknown, source: string): Dashboard {
  const fail = (why: string): never => {
    throw new Error(`${source}: not a dashboard this tool reads: ${why}`);
  };
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const dashboard = value as Partial<Dashboard>;
  if (typeof dashboard.title !== 'string') fail('no title');
  if (!Array.isArray(dashboard.panels) || dashboard.panels.length === 0) fail('no panels');
  for (const panel of dashboard.panels ?? []) {
    const { gridPos, title, type } = panel;
    if (typeof title !== 'string') fail(`panel ${panel.id} has no title`);
    if (!(drawnPanelTypes as readonly string[]).includes(type)) fail(`panel "${title}" is a ${type}`);
    if (!gridPos || ![gridPos.x, gridPos.y, gridPos.w, gridPos.h].every(Number.isInteger))
      fail(`panel "${title}" has no gridPos`);
    for (const target of panel.targets ?? [])
      if (typeof target.expr !== 'string' || target.expr.trim() === '')
        fail(`panel "${title}" has an empty query`);
  }
  return dashboard as Dashboard;
}
