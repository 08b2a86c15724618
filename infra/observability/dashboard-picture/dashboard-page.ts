// The dashboard as one HTML page: every panel where its gridPos puts it (24 columns, 30 px rows, as in
// Grafana), titled as in the JSON; time series as SVG line charts with a legend, stats as numbers.
import { formatValue } from './format-value';
import type { Dashboard, Panel, Threshold } from './grafana-dashboard';
import type { RangeWindow } from './prometheus-range';
import { escapeXml, lineChart } from './svg-chart';

export interface PanelSeries {
  readonly legend: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface PageOptions {
  readonly window: RangeWindow;
  /** Where the numbers came from, printed under the title. */
  readonly source: string;
}

export const pageLayout = { width: 1600, rowHeight: 30, gap: 8, header: 64 } as const;

const palette = [
  '#73bf69',
  '#f2cc0c',
  '#8ab8ff',
  '#ff780a',
  '#f2495c',
  '#5794f2',
  '#b877d9',
  '#96d98d',
  '#ff9830',
  '#ca95e5',
];
const namedColors: Readonly<Record<string, string>> = {
  green: '#73bf69',
  red: '#f2495c',
  yellow: '#f2cc0c',
  orange: '#ff9830',
  blue: '#5794f2',
};

/** The page's height in pixels: the bottom of the lowest panel. */
export function pageHeight(dashboard: Dashboard): number {
  const rows = Math.max(...dashboard.panels.map(({ gridPos }) => gridPos.y + gridPos.h));
  return pageLayout.header + rows * pageLayout.rowHeight + pageLayout.gap;
}

export function dashboardPage(
  dashboard: Dashboard,
  seriesByPanel: ReadonlyMap<number, readonly PanelSeries[]>,
  options: PageOptions,
): string {
  const { width } = pageLayout;
  const column = (width - pageLayout.gap) / 24;
  const { start, end } = options.window;
  const span = `${new Date(start * 1000).toISOString().slice(0, 16).replace('T', ' ')} – ${new Date(end * 1000).toISOString().slice(11, 16)} UTC`;
  const panels = dashboard.panels.map((panel) => {
    const box = {
      left: pageLayout.gap + panel.gridPos.x * column,
      top: pageLayout.header + panel.gridPos.y * pageLayout.rowHeight,
      width: panel.gridPos.w * column - pageLayout.gap,
      height: panel.gridPos.h * pageLayout.rowHeight - pageLayout.gap,
    };
    const series = seriesByPanel.get(panel.id) ?? [];
    const body =
      series.length === 0
        ? '<div class="empty">No data</div>'
        : panelBody(panel, series, box, options.window);
    return `<section class="panel ${panel.type}" style="left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px"><h2>${escapeXml(panel.title)}</h2>${body}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(dashboard.title)}</title><style>${style}</style></head>
<body style="width:${width}px;height:${pageHeight(dashboard)}px">
<header><h1>${escapeXml(dashboard.title)}</h1><p>${escapeXml(`${span} · ${options.source}`)}</p></header>
${panels.join('\n')}
</body></html>
`;
}

type Box = { readonly width: number; readonly height: number };

function panelBody(panel: Panel, series: readonly PanelSeries[], box: Box, window: RangeWindow): string {
  const unit = panel.fieldConfig?.defaults?.unit;
  const decimals = panel.fieldConfig?.defaults?.decimals;
  if (panel.type === 'stat') {
    const steps = panel.fieldConfig?.defaults?.thresholds?.steps ?? [];
    const values = series.map(({ legend, points }) => {
      const last = points.findLast(([, value]) => Number.isFinite(value))?.[1];
      const text = last === undefined ? '–' : formatValue(last, unit, decimals);
      const color = last === undefined ? '#8e8e8e' : thresholdColor(steps, last);
      const label = series.length > 1 ? `<span class="label">${escapeXml(legend)}</span>` : '';
      return `<div class="stat-value"><span class="number" style="color:${color}">${escapeXml(text)}</span>${label}</div>`;
    });
    return `<div class="stats">${values.join('')}</div>`;
  }
  const perRow = Math.max(1, Math.floor(box.width / 190));
  const legendRows = Math.min(3, Math.ceil(series.length / perRow));
  const chartHeight = box.height - 30 - legendRows * 18 - 6;
  const lines = series.map(({ points }, index) => ({
    color: palette[index % palette.length] as string,
    points,
  }));
  const chart = lineChart(lines, { width: box.width - 8, height: chartHeight, ...window, unit, decimals });
  const legend = series
    .map(
      ({ legend }, index) =>
        `<span><i style="background:${lines[index]?.color}"></i>${escapeXml(legend)}</span>`,
    )
    .join('');
  return `${chart}<div class="legend" style="max-height:${legendRows * 18}px">${legend}</div>`;
}

/** The color of the highest step at or below the value (Grafana's absolute thresholds). */
function thresholdColor(steps: readonly Threshold[], value: number): string {
  const step = steps.filter((candidate) => candidate.value === null || candidate.value <= value).at(-1);
  const color = step?.color ?? 'green';
  return namedColors[color] ?? color;
}

const style = `
* { box-sizing: border-box; margin: 0; }
body { position: relative; background: #111217; color: #ccccdc; font: 13px/1.3 "DejaVu Sans", "Liberation Sans", sans-serif; }
header { position: absolute; left: 8px; right: 8px; top: 8px; height: 48px; }
h1 { font-size: 20px; font-weight: 500; color: #e6e6ef; }
header p { color: #8e8e9e; margin-top: 4px; }
.panel { position: absolute; background: #181b1f; border: 1px solid #2c3235; border-radius: 3px; padding: 0 4px 4px; overflow: hidden; }
h2 { font-size: 13px; font-weight: 500; padding: 7px 4px 5px; color: #e6e6ef; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
svg { display: block; }
svg .grid { stroke: #2c3235; stroke-width: 1; }
svg .tick { fill: #8e8e9e; font-size: 11px; }
.legend { display: flex; flex-wrap: wrap; gap: 0 14px; overflow: hidden; padding: 0 8px; font-size: 12px; }
.legend span { line-height: 18px; white-space: nowrap; }
.legend i { display: inline-block; width: 14px; height: 4px; border-radius: 2px; margin-right: 6px; vertical-align: middle; }
.stats { display: flex; height: calc(100% - 30px); align-items: center; justify-content: space-around; gap: 8px; }
.stat-value { display: flex; flex-direction: column; align-items: center; min-width: 0; }
.stat-value .number { font-size: 34px; font-weight: 500; }
.stat-value .label { color: #8e8e9e; font-size: 12px; white-space: nowrap; }
.empty { display: flex; height: calc(100% - 30px); align-items: center; justify-content: center; color: #8e8e9e; }
`;
