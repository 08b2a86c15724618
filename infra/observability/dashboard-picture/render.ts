// A dashboard's picture: each panel's queries run against a Prometheus over a time window, drawn into one
// HTML page (dashboard-page.ts), screenshotted to PNG by Debian's Chromium (../html-picture.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlToPng } from '../html-picture';
import { dashboardPage, pageHeight, pageLayout, type PanelSeries } from './dashboard-page';
import type { Dashboard } from './grafana-dashboard';
import { legendOf, queryRange, type RangeWindow } from './prometheus-range';

export interface PictureRequest {
  readonly dashboard: Dashboard;
  readonly prometheusUrl: string;
  readonly window: RangeWindow;
  /** The PNG to write. */
  readonly out: string;
  /** Also keep the page drawn (for a look, or a test). */
  readonly htmlOut?: string;
}

/** The window of the last `minutes` up to `end`, with about 300 points per series. */
export function lastMinutes(minutes: number, end = new Date()): RangeWindow {
  const endSeconds = Math.floor(end.getTime() / 1000);
  const stepSeconds = Math.max(1, Math.ceil((minutes * 60) / 300));
  return { start: endSeconds - minutes * 60, end: endSeconds, stepSeconds };
}

export async function queryPanels(
  dashboard: Dashboard,
  prometheusUrl: string,
  window: RangeWindow,
): Promise<Map<number, PanelSeries[]>> {
  const byPanel = await Promise.all(
    dashboard.panels.map(async (panel) => {
      const perTarget = await Promise.all(
        (panel.targets ?? []).map(async (target) => {
          const series = await queryRange(prometheusUrl, target.expr, window).catch((error: unknown) => {
            throw new Error(`panel "${panel.title}", query ${target.refId}: ${(error as Error).message}`);
          });
          return series.map((one) => ({ legend: legendOf(one, target.legendFormat), points: one.points }));
        }),
      );
      return [panel.id, perTarget.flat()] as const;
    }),
  );
  return new Map(byPanel);
}

export async function renderPicture(request: PictureRequest): Promise<{ readonly html: string }> {
  const { dashboard, prometheusUrl, window } = request;
  const series = await queryPanels(dashboard, prometheusUrl, window);
  const html = dashboardPage(dashboard, series, { window, source: `Prometheus ${prometheusUrl}` });
  if (request.htmlOut) {
    await mkdir(path.dirname(request.htmlOut), { recursive: true });
    await writeFile(request.htmlOut, html);
  }
  await htmlToPng(html, request.out, { width: pageLayout.width, height: pageHeight(dashboard) });
  return { html };
}
