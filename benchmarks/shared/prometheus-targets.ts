import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type ScrapeTarget = { readonly url: string; readonly job: string };

/**
 * Lets the test Prometheus (`npm run services -- up prometheus`, which exports PROMETHEUS_TARGETS_DIR)
 * scrape a benchmark's processes while they run, each as the job of its role, so the Grafana dashboards'
 * queries answer for the run (and `infra/observability/render-dashboard.ts` can draw them). Without the
 * directory it does nothing. Returns the way to withdraw them.
 */
export async function announceToPrometheus(
  name: string,
  targets: readonly ScrapeTarget[],
  labels: Readonly<Record<string, string>> = {},
): Promise<() => Promise<void>> {
  const dir = process.env.PROMETHEUS_TARGETS_DIR;
  if (!dir) return async () => {};
  const file = join(dir, `${name}.json`);
  const groups = targets.map((target) => ({
    targets: [new URL(target.url).host],
    labels: { job: target.job, ...labels },
  }));
  // Written whole, then renamed: Prometheus never reads half a file.
  await writeFile(`${file}.tmp`, JSON.stringify(groups));
  await rename(`${file}.tmp`, file);
  return () => rm(file, { force: true });
}
