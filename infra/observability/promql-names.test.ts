import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namesInQuery } from './promql-names';

describe('namesInQuery', () => {
  it('reads the series and matcher labels of a histogram quantile, not its functions or grouping', () => {
    const names = namesInQuery(
      'histogram_quantile(0.99, sum by (job, le) (rate(http_server_request_duration_seconds_bucket{http_route!="/metrics"}[5m])))',
    );
    assert.deepEqual(names.selectors, [
      { metric: 'http_server_request_duration_seconds_bucket', labels: ['http_route'] },
    ]);
    assert.deepEqual(names.groupingLabels, ['job', 'le']);
    assert.deepEqual(names.functions, ['histogram_quantile', 'sum', 'rate']);
  });

  it('reads grouping after the parentheses, vector matching, offsets, subqueries and strings', () => {
    const names = namesInQuery(`
      sum(rate(booking_rush_holds_total{outcome="rejected", reason=~"SOLD.*"}[1m])) without (instance)
        / on (job) group_left (version) max by (job, version) (booking_rush_build_info offset 5m)
        > bool 0.5 unless max_over_time(up{job=~"booking-rush-.*"}[30m:1m]) # "not_a_metric"
        or label_replace(vector(1), "dst", "$1", "src", "(.*)") or {__name__="process_cpu_seconds_total", job="x"}`);
    assert.deepEqual(names.selectors, [
      { metric: 'booking_rush_holds_total', labels: ['outcome', 'reason'] },
      { metric: 'booking_rush_build_info', labels: [] },
      { metric: 'up', labels: ['job'] },
      { metric: 'process_cpu_seconds_total', labels: ['job'] },
    ]);
    assert.deepEqual(names.groupingLabels, ['instance', 'job', 'version', 'job', 'version']);
  });

  it('refuses what it cannot read rather than guess', () => {
    assert.throws(() => namesInQuery('up{job=5}'), /unexpected label matcher/);
    assert.throws(() => namesInQuery('up ; down'), /cannot read the PromQL/);
  });
});
