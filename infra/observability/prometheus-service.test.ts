// The test Prometheus of infra/services (services.sh up prometheus): it loads the alert rules, scrapes
// what a test writes into its targets directory, and evaluates the rules on it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';

function required(name: 'PROMETHEUS_URL' | 'PROMETHEUS_TARGETS_DIR'): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: start Prometheus with 'npm run services -- up prometheus' and source .services/env, or run 'npm test'`,
    );
  return value;
}

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(new URL(pathAndQuery, required('PROMETHEUS_URL')));
  const body = (await response.json()) as { status: string; data: T; error?: string };
  assert.equal(body.status, 'success', `${pathAndQuery}: ${body.error}`);
  return body.data;
}

/** Asks until `probe` answers something other than undefined; Prometheus scrapes and evaluates every second. */
async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`Prometheus did not show ${what} within ${timeoutMs} ms`);
    await delay(200);
  }
}

type Rule = {
  name: string;
  type: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
};
type Alert = { labels: Record<string, string>; state: string };
type Sample = { metric: Record<string, string>; value: [number, string] };

describe('the test Prometheus (infra/services/lib/prometheus.sh)', () => {
  it('loads the alert rules of the group booking-rush, each with a severity and its annotations', async () => {
    const { groups } = await api<{ groups: { name: string; file: string; rules: Rule[] }[] }>(
      'api/v1/rules?type=alert',
    );
    const group = groups.find(({ name }) => name === 'booking-rush');
    assert.ok(group, `groups loaded: ${groups.map(({ name }) => name).join(', ')}`);
    assert.equal(group.file, path.resolve(import.meta.dirname, 'prometheus/alerts.yml'));
    assert.equal(group.rules.length, 7);
    for (const rule of group.rules) {
      assert.match(rule.labels.severity ?? '', /^(critical|warning)$/, rule.name);
      assert.deepEqual(
        Object.keys(rule.annotations).sort(),
        ['description', 'runbook_url', 'summary'],
        rule.name,
      );
    }
  });

  it('scrapes a target written into its targets directory and fires an alert on what it scraped', async () => {
    const run = randomUUID();
    const targets = path.join(required('PROMETHEUS_TARGETS_DIR'), `test-${run}.json`);
    const metrics = [
      '# TYPE booking_rush_build_info gauge',
      'booking_rush_build_info{version="test",role="start"} 1',
      '# TYPE booking_rush_dead_letters gauge',
      `booking_rush_dead_letters{topic="test-${run}"} 3`,
      '',
    ].join('\n');
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/metrics' ? 200 : 404;
      response.setHeader('content-type', 'text/plain; version=0.0.4');
      response.end(request.url === '/metrics' ? metrics : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Written whole, then renamed: Prometheus must never read half a file.
      const group = [{ targets: [target], labels: { job: 'booking-rush-start', test_run: run } }];
      await writeFile(`${targets}.tmp`, JSON.stringify(group));
      await rename(`${targets}.tmp`, targets);

      const [sample] = await eventually('the target scraped', async () => {
        const { result } = await api<{ result: Sample[] }>(
          `api/v1/query?query=${encodeURIComponent(`booking_rush_build_info{test_run="${run}"}`)}`,
        );
        return result.length ? result : undefined;
      });
      assert.deepEqual(sample?.metric, {
        __name__: 'booking_rush_build_info',
        instance: target,
        job: 'booking-rush-start',
        role: 'start',
        test_run: run,
        version: 'test',
      });
      assert.equal(sample?.value[1], '1');

      const alert = await eventually('BookingRushDeadLetters firing', async () => {
        const { alerts } = await api<{ alerts: Alert[] }>('api/v1/alerts');
        return alerts.find(
          ({ labels, state }) =>
            labels.alertname === 'BookingRushDeadLetters' &&
            labels.topic === `test-${run}` &&
            state === 'firing',
        );
      });
      assert.equal(alert.labels.severity, 'warning');
    } finally {
      await rm(targets, { force: true });
      server.close();
    }
  });
});
