// The metrics the dashboards and alerts are written against (metric-names.ts) are the ones the product
// exports, and a real Prometheus (infra/services) scrapes them from a running product.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { PrometheusMetrics } from '../metrics';
import { silentLogger } from '../ports/logger';
import { startEmbedded, type RunningProcess } from '../roles/start';
import { metrics as catalogue } from './metric-names';

type Sample = { metric: Record<string, string>; value: [number, string] };

function required(name: 'PROMETHEUS_URL' | 'PROMETHEUS_TARGETS_DIR'): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run 'npm run services -- up prometheus' and source .services/env`);
  return value;
}

async function query(promql: string): Promise<Sample[]> {
  const url = new URL(`api/v1/query?query=${encodeURIComponent(promql)}`, required('PROMETHEUS_URL'));
  const body = (await (await fetch(url)).json()) as { status: string; data: { result: Sample[] } };
  assert.equal(body.status, 'success', promql);
  return body.data.result;
}

/** Asks until the query answers at least one series; the test Prometheus scrapes every second. */
async function eventually(promql: string, timeoutMs = 20_000): Promise<Sample[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await query(promql);
    if (result.length > 0) return result;
    if (Date.now() > deadline)
      throw new Error(`Prometheus answered nothing for ${promql} within ${timeoutMs} ms`);
    await delay(250);
  }
}

describe('the metrics catalogue', () => {
  it('names exactly what the prom-client adapter registers, with the same types and labels', async () => {
    const adapter = new PrometheusMetrics({ role: 'test', version: '0' }, silentLogger);
    const registered = new Map(
      (await adapter.registry.getMetricsAsJSON()).map((metric) => [metric.name, metric]),
    );
    const ours = catalogue.filter((metric) => metric.source === 'booking-rush');
    for (const spec of catalogue) {
      const found = registered.get(spec.name);
      assert.ok(found, `${spec.name} is listed but not exported`);
      assert.equal(String(found.type), spec.type, spec.name);
    }
    const unlisted = [...registered.keys()].filter(
      (name) => !catalogue.some((spec) => spec.name === name) && !/^(nodejs|process)_/.test(name),
    );
    assert.deepEqual(unlisted, [], 'every series of the product is in the catalogue');
    for (const spec of ours) {
      const labelNames = (adapter.registry.getSingleMetric(spec.name) as unknown as { labelNames: string[] })
        .labelNames;
      assert.deepEqual([...labelNames].sort(), [...spec.labels].sort(), spec.name);
    }
  });
});

describe('a running product scraped by the test Prometheus', () => {
  const run = randomUUID();
  let dataDir: string;
  let product: RunningProcess;
  let targets: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-scrape-'));
    product = await startEmbedded(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
        DEMO_SEED: 'on',
        SERVICE_NAME: 'start',
      },
      { logStream: new PassThrough().resume() },
    );
    targets = path.join(required('PROMETHEUS_TARGETS_DIR'), `product-${run}.json`);
    const group = [
      { targets: [`127.0.0.1:${product.port}`], labels: { job: 'booking-rush-start', test_run: run } },
    ];
    // Written whole, then renamed: Prometheus never reads half a file.
    await writeFile(`${targets}.tmp`, JSON.stringify(group));
    await rename(`${targets}.tmp`, targets);
  });

  after(async () => {
    await rm(targets, { force: true });
    await product?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads the product’s series back through the HTTP API', { timeout: 60_000 }, async () => {
    const base = `http://127.0.0.1:${product.port}`;
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`${base}/api/v1/events`)).status, 200);

    const [build] = await eventually(`booking_rush_build_info{test_run="${run}"}`);
    assert.equal(build?.metric.role, 'start');
    assert.equal(build?.metric.job, 'booking-rush-start');

    const requests = await eventually(
      `http_server_request_duration_seconds_count{test_run="${run}",http_route="/api/v1/events",http_response_status_code="200"}`,
    );
    assert.ok(Number(requests[0]?.value[1]) >= 3, JSON.stringify(requests));

    const lag = await eventually(`booking_rush_follower_lag_seconds{test_run="${run}"}`);
    const followers = lag.map((sample) => sample.metric.follower).sort();
    for (const follower of ['projection:bookings', 'projection:booking-saga', 'relay:integration-relay'])
      assert.ok(followers.includes(follower), `${follower} among ${followers.join(', ')}`);

    const seats = await eventually(`booking_rush_zone_seats_available{test_run="${run}"}`);
    assert.ok(seats.every((sample) => Number(sample.value[1]) >= 0 && sample.metric.zone_id));

    const up = await eventually(`up{test_run="${run}"} == 1`);
    assert.equal(up.length, 1);
  });
});
