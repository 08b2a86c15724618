// The dashboard's pages as a person reads them: totals, tables behind charts, filters (by accessible names).
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator, Page } from 'playwright-core';
import { api } from './api';
import { expectVisible } from './expectations';

export type DashboardTotals = {
  bookings: number;
  seatsSold: number;
  confirmations: number;
  expiries: number;
  revenue: Record<string, number>;
};

/**
 * Polls `GET /analytics/dashboard` (the projection is asynchronous) until `done` holds for its totals;
 * fails with the last totals seen.
 */
export async function analyticsReach(
  url: string,
  token: string,
  done: (totals: DashboardTotals) => boolean,
  timeoutMs = 60_000,
): Promise<DashboardTotals> {
  const deadline = Date.now() + timeoutMs;
  let totals = (await api<{ totals: DashboardTotals }>(url, 'GET', '/analytics/dashboard', { token })).totals;
  while (!done(totals) && Date.now() < deadline) {
    await sleep(250);
    totals = (await api<{ totals: DashboardTotals }>(url, 'GET', '/analytics/dashboard', { token })).totals;
  }
  assert.ok(done(totals), `the analytics did not reach the expected totals: ${JSON.stringify(totals)}`);
  return totals;
}

/** A chart's figure, named by its caption. */
export function chartFigure(page: Page, caption: string | RegExp): Locator {
  return page.getByRole('figure', { name: caption });
}

/** The rows of the data table in `scope` (a figure, a region), each as [row header, ...cells]. */
export async function tableRows(scope: Locator): Promise<string[][]> {
  const table = scope.getByRole('table').first();
  await expectVisible(table, 'a data table');
  const rows: string[][] = [];
  for (const row of await table.getByRole('row').all()) {
    const header = row.getByRole('rowheader');
    if ((await header.count()) === 0) continue;
    rows.push([(await header.innerText()).trim(), ...(await row.getByRole('cell').allInnerTexts())]);
  }
  return rows;
}

/** Opens the figure's "Show data" disclosure when it has one, then reads its table. */
export async function chartData(figure: Locator): Promise<string[][]> {
  await expectVisible(figure, 'the chart');
  const disclosure = figure.getByText('Show data', { exact: true });
  if ((await disclosure.count()) > 0 && !(await figure.getByRole('table').isVisible()))
    await disclosure.click();
  return tableRows(figure);
}

/** The sum of column `index` (0 = the row header) over the rows. */
export const columnSum = (rows: string[][], index: number): number =>
  rows.reduce((sum, row) => sum + Number((row[index] ?? '0').replace(/,/g, '')), 0);

/** The value shown under a total's label on the dashboard (`Bookings` → `2`). */
export async function totalShown(page: Page, label: string): Promise<string> {
  const term = page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) });
  await expectVisible(term, `the total ${label}`);
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}
