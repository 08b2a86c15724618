import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pageHeight, type Dashboard } from './dashboard-picture';

const script = path.join(import.meta.dirname, 'render-dashboard.ts');
const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

const datasource = { type: 'prometheus', uid: 'prometheus' };
const dashboard: Dashboard = {
  uid: 'picture-test',
  title: 'Picture test — a small sale',
  panels: [
    {
      id: 1,
      type: 'stat',
      title: 'Holds per second',
      gridPos: { x: 0, y: 0, w: 8, h: 4 },
      datasource,
      fieldConfig: { defaults: { unit: 'ops' } },
      targets: [{ refId: 'A', expr: 'sum(rate(booking_rush_holds_total{outcome="held"}[1m]))' }],
    },
    {
      id: 2,
      type: 'timeseries',
      title: 'Seats left per zone',
      gridPos: { x: 8, y: 0, w: 16, h: 8 },
      datasource,
      targets: [
        {
          refId: 'A',
          expr: 'max by (zone_id) (booking_rush_zone_seats_available)',
          legendFormat: 'zone {{zone_id}}',
        },
      ],
    },
    {
      id: 3,
      type: 'timeseries',
      title: 'Dead letters per topic',
      gridPos: { x: 0, y: 8, w: 24, h: 6 },
      datasource,
      targets: [
        { refId: 'A', expr: 'max by (topic) (booking_rush_dead_letters)', legendFormat: '{{topic}}' },
      ],
    },
  ],
};

/** Canned answers by query: two zones selling out, a steady hold rate, and no dead letters at all. */
function cannedSeries(query: string, start: number, end: number, step: number) {
  const times: number[] = [];
  for (let time = start; time <= end; time += step) times.push(time);
  if (query.includes('holds_total')) return [{ metric: {}, values: times.map((t) => [t, '12.5']) }];
  if (query.includes('seats_available'))
    return ['vip', 'floor'].map((zone, index) => ({
      metric: { zone_id: zone },
      values: times.map((t, i) => [t, String(Math.max(0, (index + 1) * 500 - i * 7))]),
    }));
  return [];
}

type Received = {
  readonly query: string;
  readonly start: number;
  readonly end: number;
  readonly step: number;
};

async function fakePrometheus(
  answer: 'canned' | 'error',
): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const url = new URL(request.url ?? '/', 'http://fake');
    const form = new URLSearchParams(body || url.search);
    const query = form.get('query') ?? '';
    const [start, end, step] = ['start', 'end', 'step'].map((name) => Number(form.get(name)));
    response.setHeader('content-type', 'application/json');
    if (url.pathname !== '/api/v1/query_range' || !query || !start || !end || !step) {
      response.statusCode = 400;
      response.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'not a range query' }));
      return;
    }
    received.push({ query, start: start as number, end: end as number, step: step as number });
    if (answer === 'error') {
      response.statusCode = 422;
      response.end(JSON.stringify({ status: 'error', errorType: 'execution', error: 'query timed out' }));
      return;
    }
    const result = cannedSeries(query, start as number, end as number, step as number);
    response.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual(
    [...png.subarray(0, 8)],
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    'a PNG signature',
  );
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('render-dashboard.ts', () => {
  let dir: string;
  let dashboardFile: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'render-dashboard-'));
    dashboardFile = path.join(dir, 'dashboard.json');
    await writeFile(dashboardFile, JSON.stringify(dashboard));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("draws every panel from its queries' range answers into a PNG laid out as the JSON says", async () => {
    const prometheus = await fakePrometheus('canned');
    try {
      const out = path.join(dir, 'images', 'sale.png');
      const html = path.join(dir, 'sale.html');
      const end = '2026-12-08T10:30:00Z';
      const result = await run([dashboardFile, out, '--minutes', '10', '--end', end, '--html', html], {
        PROMETHEUS_URL: prometheus.url,
      });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Picture test — a small sale: 3 panels, last 10 min → .*sale\.png/);

      // Each panel's query, over the last ten minutes up to --end.
      const endSeconds = Date.parse(end) / 1000;
      assert.deepEqual(
        prometheus.received.map(({ query }) => query).sort(),
        dashboard.panels.map((panel) => panel.targets?.[0]?.expr).sort(),
      );
      for (const received of prometheus.received) {
        assert.deepEqual([received.start, received.end, received.step], [endSeconds - 600, endSeconds, 2]);
      }

      const page = await readFile(html, 'utf8');
      for (const panel of dashboard.panels) assert.ok(page.includes(`<h2>${panel.title}</h2>`), panel.title);
      assert.ok(page.includes('<h1>Picture test — a small sale</h1>'));
      assert.match(
        page,
        /<span class="number"[^>]*>12\.5 ops\/s<\/span>/,
        'the stat shows its last value in its unit',
      );
      assert.ok(page.includes('zone vip') && page.includes('zone floor'), 'the legend follows legendFormat');
      assert.equal(
        (page.match(/<polyline /g) ?? []).length,
        2,
        'one line per series, none for the empty panel',
      );
      assert.match(page, /Dead letters per topic<\/h2><div class="empty">No data<\/div>/);
      // The seats panel sits at column 8 of 24, row 0; the dead letters below at row 8 (30 px rows).
      assert.match(
        page,
        /left:(\d+(\.\d+)?)px;top:64px;width:[\d.]+px;height:232px"><h2>Seats left per zone/,
      );
      assert.match(page, /left:8px;top:304px;width:[\d.]+px;height:172px"><h2>Dead letters per topic/);

      const png = await readFile(out);
      assert.deepEqual(pngSize(png), { width: 1600, height: pageHeight(dashboard) });
      assert.ok(png.length > 10_000, `a drawn page, not a blank one (${png.length} bytes)`);
    } finally {
      prometheus.server.close();
    }
  });

  it('fails naming the panel when Prometheus refuses a query, and writes no picture', async () => {
    const prometheus = await fakePrometheus('error');
    try {
      const out = path.join(dir, 'refused.png');
      const result = await run([dashboardFile, out], { PROMETHEUS_URL: prometheus.url });
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        /panel "[^"]+", query A: Prometheus at .* answered 422 .*: query timed out/,
      );
      await assert.rejects(readFile(out), { code: 'ENOENT' });
    } finally {
      prometheus.server.close();
    }
  });

  it('refuses to run without a Prometheus or with bad arguments', async () => {
    const noUrl = await run([dashboardFile, path.join(dir, 'x.png')], { PROMETHEUS_URL: '' });
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /set PROMETHEUS_URL/);
    const badMinutes = await run([dashboardFile, 'x.png', '--minutes', 'ten'], {
      PROMETHEUS_URL: 'http://x',
    });
    assert.equal(badMinutes.code, 2);
    assert.match(badMinutes.stderr, /--minutes must be a whole number/);
  });
});
