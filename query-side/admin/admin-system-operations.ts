import type { ApiOperation } from '../../infra/http-edge';

/** What `adminSystemRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const adminSystemOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/system',
    operationId: 'readSystemStatus',
    tag: 'Admin',
    summary: 'What an operator needs during a sale, as this process sees it',
    description:
      'The HTTP traffic of the last minute and the last five minutes (requests a second, the share of ' +
      '5xx answers, p50 and p99 estimated from the duration histogram as Prometheus’s ' +
      '`histogram_quantile` does), holds a second and refusals by reason, payment and e-mail outcomes, ' +
      'the backlogs (saga commands due, dead letters per topic, waiting-room queues), the event loop’s ' +
      'p99 delay, heap, RSS and uptime; and every projection with its lag, status and failures. The ' +
      'traffic, backlog and runtime figures are **this process’s own** (`scope: this-process`): in the ' +
      'distributed deployment each role counts only what it serves, and Prometheus and Grafana give the ' +
      'fleet-wide view. With METRICS=off, `metrics` is `off` and only the projections and the process’s ' +
      'own figures are answered.',
    access: ['admin'],
    responses: { 200: { description: 'The figures, read now', data: 'SystemView' } },
    errors: [],
  },
];
