// Renders a Grafana dashboard of this folder to a PNG from a live Prometheus: each panel's queries over
// the last N minutes, drawn as the JSON lays them out (dashboard-picture/).
//
//   PROMETHEUS_URL=http://127.0.0.1:9090 tsx infra/observability/render-dashboard.ts \
//     infra/observability/grafana/dashboards/flash-sale-overview.json docs/images/flash-sale-overview.png \
//     [--minutes 30] [--end 2026-12-08T10:30:00Z] [--html page.html] [--prometheus URL]
import { parseArgs } from 'node:util';
import { lastMinutes, readDashboard, renderPicture } from './dashboard-picture';

const usage =
  'usage: render-dashboard.ts <dashboard.json> <out.png> [--minutes N] [--end ISO-TIME] [--html FILE] [--prometheus URL (default: $PROMETHEUS_URL)]';

function fail(message: string, code: number): never {
  process.stderr.write(`render-dashboard: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        minutes: { type: 'string', default: '30' },
        end: { type: 'string' },
        html: { type: 'string' },
        prometheus: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`, 2);
  }
})();

const [dashboardFile, out] = positionals;
if (!dashboardFile || !out || positionals.length > 2) fail(usage, 2);
const minutes = Number(values.minutes);
if (!Number.isInteger(minutes) || minutes < 1)
  fail(`--minutes must be a whole number of minutes, got "${values.minutes}"`, 2);
const end = values.end === undefined ? new Date() : new Date(values.end);
if (Number.isNaN(end.getTime()))
  fail(`--end must be a time such as 2026-12-08T10:30:00Z, got "${values.end}"`, 2);
const prometheusUrl = values.prometheus ?? process.env.PROMETHEUS_URL;
if (!prometheusUrl) fail('set PROMETHEUS_URL (or --prometheus) to the Prometheus to query', 2);

try {
  const dashboard = await readDashboard(dashboardFile);
  await renderPicture({
    dashboard,
    prometheusUrl,
    window: lastMinutes(minutes, end),
    out,
    ...(values.html ? { htmlOut: values.html } : {}),
  });
  process.stdout.write(
    `${dashboard.title}: ${dashboard.panels.length} panels, last ${minutes} min → ${out}\n`,
  );
} catch (error) {
  fail((error as Error).message, 1);
}
