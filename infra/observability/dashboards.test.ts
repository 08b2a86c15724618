import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { readDashboard, type Dashboard } from './dashboard-picture';
import { metrics, selectableSeries } from './metric-names';
import { namesInQuery } from './promql-names';
import { promtool } from './promtool';

const grafana = path.join(import.meta.dirname, 'grafana');
const dashboardsDir = path.join(grafana, 'dashboards');
const repoRoot = path.resolve(import.meta.dirname, '../..');

const titles = [
  'Booking Rush — Flash sale overview',
  'Booking Rush — Followers and saga',
  'Booking Rush — Infrastructure',
];

/** The provisioned datasources, read from the YAML by its two-space list layout: uid and type of each. */
async function provisionedDatasources(): Promise<{ uid: string; type: string }[]> {
  const text = await readFile(path.join(grafana, 'provisioning/datasources/datasources.yml'), 'utf8');
  return text
    .split(/^ {2}- /m)
    .slice(1)
    .map((entry) => ({
      uid: /^\s*uid: (\S+)$/m.exec(entry)?.[1] ?? '',
      type: /^\s*type: (\S+)$/m.exec(entry)?.[1] ?? '',
    }));
}

const overlaps = (a: Dashboard['panels'][number], b: Dashboard['panels'][number]) =>
  a.gridPos.x < b.gridPos.x + b.gridPos.w &&
  b.gridPos.x < a.gridPos.x + a.gridPos.w &&
  a.gridPos.y < b.gridPos.y + b.gridPos.h &&
  b.gridPos.y < a.gridPos.y + a.gridPos.h;

describe('Grafana dashboards (infra/observability/grafana)', () => {
  const dashboards = new Map<string, Dashboard>();
  before(async () => {
    for (const file of (await readdir(dashboardsDir)).filter((name) => name.endsWith('.json')).sort())
      dashboards.set(file, await readDashboard(path.join(dashboardsDir, file)));
  });
  const queries = () =>
    [...dashboards].flatMap(([file, dashboard]) =>
      dashboard.panels.flatMap((panel) =>
        (panel.targets ?? []).map((target) => ({
          where: `${file} "${panel.title}" ${target.refId}`,
          ...target,
        })),
      ),
    );

  it('are the three dashboards, each parsed, with unique uids and panel ids and panels that do not overlap', () => {
    assert.deepEqual([...dashboards.values()].map((dashboard) => dashboard.title).sort(), titles);
    assert.equal(new Set([...dashboards.values()].map((dashboard) => dashboard.uid)).size, dashboards.size);
    for (const [file, { panels }] of dashboards) {
      assert.equal(new Set(panels.map((panel) => panel.id)).size, panels.length, `${file}: panel ids`);
      for (const panel of panels) {
        const { x, w } = panel.gridPos;
        assert.ok(x >= 0 && w > 0 && x + w <= 24, `${file} "${panel.title}" fits in 24 columns`);
        assert.ok((panel.targets ?? []).length > 0, `${file} "${panel.title}" has a query`);
        for (const other of panels)
          if (other !== panel)
            assert.ok(!overlaps(panel, other), `${file}: "${panel.title}" overlaps "${other.title}"`);
      }
    }
  });

  it('query the provisioned Prometheus datasource by its uid, beside a provisioned trace datasource', async () => {
    const datasources = await provisionedDatasources();
    const prometheus = datasources.filter((datasource) => datasource.type === 'prometheus');
    assert.equal(prometheus.length, 1);
    assert.ok(datasources.some((datasource) => ['tempo', 'jaeger'].includes(datasource.type)));
    for (const [file, dashboard] of dashboards)
      for (const panel of dashboard.panels) {
        assert.equal(panel.datasource?.uid, prometheus[0]?.uid, `${file} "${panel.title}"`);
        for (const target of panel.targets ?? [])
          assert.equal(
            target.datasource?.uid,
            prometheus[0]?.uid,
            `${file} "${panel.title}" ${target.refId}`,
          );
      }
  });

  it('are the files the provisioned provider reads, where docker-compose mounts them', async () => {
    const provider = await readFile(path.join(grafana, 'provisioning/dashboards/dashboards.yml'), 'utf8');
    const providerPath = /^\s+path: (\S+)$/m.exec(provider)?.[1];
    const compose = await readFile(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
    assert.ok(
      compose.includes(`- ./infra/observability/grafana/dashboards:${providerPath}:ro`),
      providerPath,
    );
    for (const kind of ['datasources', 'dashboards'])
      assert.ok(
        compose.includes(
          `- ./infra/observability/grafana/provisioning/${kind}:/etc/grafana/provisioning/${kind}:ro`,
        ),
      );
  });

  it('name only the metrics of metric-names.ts, with their own labels', () => {
    const series = selectableSeries();
    for (const { where, expr } of queries()) {
      assert.ok(
        !expr.includes('$'),
        `${where}: no Grafana variables (the picture renders queries as they are)`,
      );
      const names = namesInQuery(expr);
      assert.ok(names.selectors.length > 0, `${where}: selects a series`);
      const labelsInQuery = new Set<string>();
      for (const selector of names.selectors) {
        assert.ok(selector.metric, `${where}: a selector without a metric name`);
        const labels = series.get(selector.metric);
        assert.ok(labels, `${where}: ${selector.metric} is not in metric-names.ts`);
        for (const label of selector.labels)
          assert.ok(labels.includes(label), `${where}: ${selector.metric} has no ${label}`);
        labels.forEach((label) => labelsInQuery.add(label));
      }
      for (const label of names.groupingLabels)
        assert.ok(labelsInQuery.has(label), `${where}: groups by ${label}, which none of its series has`);
    }
  });

  it('show every metric of metric-names.ts somewhere', () => {
    const used = new Set(
      queries().flatMap(({ expr }) => namesInQuery(expr).selectors.map(({ metric }) => metric)),
    );
    const unused = metrics
      .filter(({ name, type }) =>
        type === 'histogram'
          ? !['_bucket', '_sum', '_count'].some((suffix) => used.has(`${name}${suffix}`))
          : !used.has(name),
      )
      .map(({ name }) => name);
    assert.deepEqual(unused, []);
  });

  it('have queries that promtool parses', async () => {
    // Each query as the expression of an alert rule: `promtool check rules` parses every one and names
    // the rule of any it cannot.
    const all = queries();
    const rules = all.map(
      ({ expr }, index) => `      - alert: query_${index}\n        expr: ${JSON.stringify(expr)}\n`,
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'dashboard-queries-'));
    try {
      await writeFile(
        path.join(dir, 'queries.yml'),
        `groups:\n  - name: dashboards\n    rules:\n${rules.join('')}`,
      );
      const check = promtool(['check', 'rules', 'queries.yml'], dir);
      const failed = [...check.output.matchAll(/query_(\d+)/g)].map((match) => all[Number(match[1])]?.where);
      assert.equal(check.status, 0, `${check.output}\n${failed.join('\n')}`);
      assert.match(check.output, new RegExp(`SUCCESS: ${all.length} rules found`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
