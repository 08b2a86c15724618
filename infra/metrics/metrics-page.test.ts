import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ContainerModule } from 'inversify';
import { startEmbedded, type RunningProcess } from '../roles/start';
import { PrometheusMetrics } from './prometheus-metrics';

const quiet = new ContainerModule(() => {});

/** The value of one series on a page, `undefined` when absent. */
function valueOf(page: string, series: string): number | undefined {
  const line = page.split('\n').find((text) => text.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function start(dataDir: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  return startEmbedded(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      SERVICE_NAME: 'metrics-test',
      ...env,
    },
    { modules: [quiet], logStream: new PassThrough().resume() },
  );
}

describe('GET /metrics', () => {
  let dataDir: string;
  const running: RunningProcess[] = [];
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-metrics-'));
  });
  after(async () => {
    for (const process of running) await process.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the process series in Prometheus text format, requests counted by route template', async () => {
    const app = await start(path.join(dataDir, 'a'));
    running.push(app);
    const base = `http://127.0.0.1:${app.port}`;
    assert.equal((await fetch(`${base}/health`)).status, 200);
    assert.equal((await fetch(`${base}/ready`)).status, 200, 'the readiness probe runs SELECT 1');
    assert.equal((await fetch(`${base}/api/v1/no-such-thing/123`)).status, 404);
    const answer = await fetch(`${base}/metrics`);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const page = await answer.text();
    assert.equal(valueOf(page, 'booking_rush_build_info{version="0.1.0",role="metrics-test"}'), 1);
    const health =
      'http_server_request_duration_seconds_count{http_request_method="GET",http_route="/health",http_response_status_code="200"}';
    assert.equal(valueOf(page, health), 1);
    const unmatched =
      'http_server_request_duration_seconds_count{http_request_method="GET",http_route="unmatched",http_response_status_code="404"}';
    assert.equal(valueOf(page, unmatched), 1, 'an unknown URL is one series, not one per URL');
    assert.doesNotMatch(page, /no-such-thing/);
    const selects = valueOf(
      page,
      'db_client_operation_duration_seconds_count{db_system_name="postgresql",db_operation_name="SELECT"}',
    );
    assert.ok(selects !== undefined && selects >= 1, 'SQL statements are timed by their operation');
    for (const runtime of [
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
      'process_cpu_seconds_total',
    ]) {
      assert.notEqual(valueOf(page, runtime), undefined, runtime);
    }
  });

  it('answers only a scraper with the bearer token when one is configured', async () => {
    const app = await start(path.join(dataDir, 'b'), { METRICS_BEARER_TOKEN: 'scrape-token-0123456789' });
    running.push(app);
    const url = `http://127.0.0.1:${app.port}/metrics`;
    const refused = await fetch(url, { headers: { authorization: 'Bearer wrong-token-0123456789' } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('www-authenticate'), 'Bearer realm="metrics"');
    assert.equal((await fetch(url)).status, 401);
    const allowed = await fetch(url, { headers: { authorization: 'Bearer scrape-token-0123456789' } });
    assert.equal(allowed.status, 200);
  });

  it('is not served, and nothing is recorded, with METRICS=off', async () => {
    const app = await start(path.join(dataDir, 'c'), { METRICS: 'off' });
    running.push(app);
    const answer = await fetch(`http://127.0.0.1:${app.port}/metrics`);
    assert.equal(answer.status, 404);
  });
});

describe('PrometheusMetrics', () => {
  it('reads sampled gauges and follower lag when scraped, and leaves out a probe that fails', async () => {
    const warnings: string[] = [];
    const metrics = new PrometheusMetrics(
      { role: 'test', version: '1' },
      { warn: (message, meta) => warnings.push(`${message} ${String(meta?.metric)}`) },
    );
    let due = 3;
    const stop = metrics.sample('sagaCommandsDue', async () => [{ value: due }]);
    metrics.sample('deadLetters', async () => [{ labels: { topic: 'booking' }, value: 2 }]);
    metrics.sample('deadLetters', async () => {
      throw new Error('bus down');
    });
    const meter = metrics.follower('projection:bookings', async () => ({ events: 7, seconds: 1.5 }));
    meter.batch(4, 0.02);
    meter.failure();

    let page = (await metrics.scrape()).body;
    assert.equal(valueOf(page, 'booking_rush_saga_commands_due'), 3);
    assert.equal(valueOf(page, 'booking_rush_dead_letters{topic="booking"}'), 2);
    assert.deepEqual(warnings, ['metrics probe failed booking_rush_dead_letters']);
    assert.equal(valueOf(page, 'booking_rush_follower_lag_events{follower="projection:bookings"}'), 7);
    assert.equal(valueOf(page, 'booking_rush_follower_lag_seconds{follower="projection:bookings"}'), 1.5);
    assert.equal(valueOf(page, 'booking_rush_follower_events_total{follower="projection:bookings"}'), 4);
    assert.equal(valueOf(page, 'booking_rush_follower_failures_total{follower="projection:bookings"}'), 1);

    due = 5;
    stop();
    meter.close();
    page = (await metrics.scrape()).body;
    assert.equal(valueOf(page, 'booking_rush_saga_commands_due'), 0, 'a stopped probe is read no more');
    assert.equal(
      valueOf(page, 'booking_rush_follower_lag_events{follower="projection:bookings"}'),
      undefined,
    );
  });

  it('keeps cumulative buckets, sum and count per route for the request histogram', async () => {
    const metrics = new PrometheusMetrics({ role: 'test', version: '1' }, { warn() {} });
    metrics.httpRequest('GET', '/api/v1/events', 200, 0.003);
    metrics.httpRequest('GET', '/api/v1/events', 200, 0.3);
    metrics.httpRequest('GET', '/api/v1/events', 500, 20);
    const page = (await metrics.scrape()).body;
    const series = (suffix: string, extra = '') =>
      valueOf(
        page,
        `http_server_request_duration_seconds_${suffix}{http_request_method="GET",http_route="/api/v1/events",http_response_status_code="200"${extra}}`,
      );
    assert.deepEqual(
      [series('bucket', ',le="0.001"'), series('bucket', ',le="0.005"'), series('bucket', ',le="0.5"')],
      [0, 1, 2],
    );
    assert.equal(series('bucket', ',le="+Inf"'), 2);
    assert.equal(series('count'), 2);
    assert.equal(series('sum'), 0.303);
    const slow =
      'http_server_request_duration_seconds_bucket{http_request_method="GET",http_route="/api/v1/events",http_response_status_code="500",le="10"}';
    assert.equal(valueOf(page, slow), 0, 'a value above the last bound counts only in +Inf');
  });
});
